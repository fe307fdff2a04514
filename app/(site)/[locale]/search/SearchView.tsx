// Public search (lib/public/search): a GET form, so it works without client JavaScript; the
// URL holds the whole search (q, type, filters, page) and can be shared. The search's query
// string becomes a route segment (`/search?q=x` is rendered by `search/r/q%3Dx`, proxy.ts and
// lib/paged-routes.ts), so each search is rendered once and kept like any public page until a
// public change revalidates it (lib/public/cached.ts searchPublic says what bounds that).
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateText } from "@/components/DateText";
import { Pagination } from "@/components/Pagination";
import { VerdictBadge } from "@/components/VerdictBadge";
import { publicAlternates } from "@/i18n/page";
import { NEWSROOM_LANGUAGE, localeHref, type Locale } from "@/lib/i18n";
import { collator } from "@/lib/format";
import {
  SEARCH_MAX_QUERY_LENGTH,
  SEARCH_TYPES,
  normalizeSearchInput,
  type SearchInput,
  type ClaimHit,
  type QuoteHit,
  type SearchHit,
  type SearchQuery,
  type SpeakerHit,
} from "@/lib/public/search";
import { listSearchFilters, searchPublic } from "@/lib/public/cached";
import { Highlighted, hasHit } from "./Highlighted";
import "./search.css";

/** The metadata of the search page for this search. */
export async function searchMetadata(locale: Locale, input: SearchInput): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "search" });
  const query = normalizeSearchInput(input);
  return {
    title: query.q ? `${t("title")}: ${query.q}` : t("title"),
    description: t("intro"),
    // Result pages are endless variations of the same content.
    robots: { index: false, follow: true },
    alternates: await publicAlternates(locale, "/search"),
  };
}

/** The URL of a search, with only the parameters that differ from the defaults. */
function searchHref(locale: Locale, query: SearchQuery, change: Partial<SearchQuery> = {}): string {
  const next = { ...query, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.type !== "all") params.set("type", next.type);
  if (next.verdict) params.set("verdict", next.verdict);
  if (next.speaker) params.set("speaker", next.speaker);
  if (next.topic) params.set("topic", next.topic);
  if (next.from) params.set("from", next.from);
  if (next.to) params.set("to", next.to);
  if (next.page > 1) params.set("page", String(next.page));
  const s = params.toString();
  return localeHref(locale, s ? `/search?${s}` : "/search");
}

/** The search page: the form, and the results of `input` (none when it is empty). */
export async function SearchView({ locale, input }: { locale: Locale; input: SearchInput }) {
  const t = await getTranslations({ locale, namespace: "search" });
  const [result, options] = await Promise.all([searchPublic(input), listSearchFilters()]);
  const { query } = result;
  const hasFilter = Boolean(query.verdict || query.speaker || query.topic || query.from || query.to);
  const named = (item: { nameDe: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.nameDe);
  const byName = collator(locale);
  const topics = [...options.topics].sort((a, b) => byName.compare(named(a), named(b)));

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>

      <form method="get" action={localeHref(locale, "/search")} role="search" className="search-form">
        <div className="search-form__query">
          <label htmlFor="search-q">{t("label")}</label>
          <div className="search-form__row">
            <input
              type="search"
              id="search-q"
              name="q"
              defaultValue={query.q}
              maxLength={SEARCH_MAX_QUERY_LENGTH}
              aria-describedby="search-hint"
              autoComplete="off"
            />
            <button type="submit" className="button">
              {t("submit")}
            </button>
          </div>
          <p id="search-hint" className="search-form__hint">
            {t("hint")}
          </p>
        </div>
        {query.type !== "all" ? <input type="hidden" name="type" value={query.type} /> : null}
        <fieldset className="search-form__filters">
          <legend>{t("filters")}</legend>
          <div className="search-form__field">
            <label htmlFor="search-verdict">{t("verdict")}</label>
            <select id="search-verdict" name="verdict" defaultValue={query.verdict ?? ""}>
              <option value="">{t("anyVerdict")}</option>
              {options.verdicts.map((v) => (
                <option key={v.key} value={v.key}>
                  {named(v)}
                </option>
              ))}
            </select>
          </div>
          <div className="search-form__field">
            <label htmlFor="search-speaker">{t("speaker")}</label>
            {/* Any name or alias (the server finds the speaker); the best-known are suggested. */}
            <input
              type="text"
              id="search-speaker"
              name="speaker"
              list="search-speakers"
              defaultValue={result.speaker?.name ?? query.speaker ?? ""}
              aria-describedby={query.speaker && !result.speaker ? "search-speaker-hint search-speaker-unknown" : "search-speaker-hint"}
              aria-invalid={query.speaker && !result.speaker ? true : undefined}
              maxLength={200}
              autoComplete="off"
            />
            <datalist id="search-speakers">
              {options.speakers.map((s) => (
                <option key={s.slug} value={s.name} />
              ))}
            </datalist>
            <p id="search-speaker-hint" className="search-form__hint">
              {t("speakerHint")}
            </p>
            {query.speaker && !result.speaker ? (
              <p id="search-speaker-unknown" className="search-form__error" role="status">
                {t("unknownSpeaker", { name: query.speaker })}
              </p>
            ) : null}
          </div>
          <div className="search-form__field">
            <label htmlFor="search-topic">{t("topic")}</label>
            <select id="search-topic" name="topic" defaultValue={query.topic ?? ""}>
              <option value="">{t("anyTopic")}</option>
              {topics.map((topic) => (
                <option key={topic.slug} value={topic.slug}>
                  {named(topic)}
                </option>
              ))}
            </select>
          </div>
          <div className="search-form__field">
            <label htmlFor="search-from">{t("from")}</label>
            <input type="date" id="search-from" name="from" defaultValue={query.from ?? ""} aria-describedby="search-date-hint" />
          </div>
          <div className="search-form__field">
            <label htmlFor="search-to">{t("to")}</label>
            <input type="date" id="search-to" name="to" defaultValue={query.to ?? ""} aria-describedby="search-date-hint" />
          </div>
          <p id="search-date-hint" className="search-form__hint">
            {t("dateHint")}
          </p>
          {hasFilter ? (
            <p className="search-form__reset">
              <Link href={searchHref(locale, query, { verdict: null, speaker: null, topic: null, from: null, to: null })}>
                {t("reset")}
              </Link>
            </p>
          ) : null}
        </fieldset>
      </form>

      {!result.searched ? (
        <p className="empty">{t("noQuery")}</p>
      ) : (
        <section aria-labelledby="search-results-heading" className="search-results">
          <h2 id="search-results-heading" className="visually-hidden">
            {t("results")}
          </h2>
          <nav aria-label={t("tabs")}>
            <ul className="search-tabs">
              {SEARCH_TYPES.map((type) => (
                <li key={type}>
                  <Link href={searchHref(locale, query, { type })} aria-current={type === query.type ? "page" : undefined}>
                    {t(`types.${type}`)}{" "}
                    <span className="search-tabs__count">
                      ({result.estimated[type] ? t("tabAbout", { count: result.counts[type] }) : result.counts[type]})
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>

          {result.counts.all === 0 ? (
            <div className="empty">
              <p>{query.q ? t("empty", { query: query.q }) : t("emptyFilters")}</p>
              <p>{t("emptyHint")}</p>
            </div>
          ) : (
            <>
              {result.fallback ? (
                <p className="search-fallback">
                  {t("fallback", { query: query.q })}
                  {result.suggestion ? (
                    <>
                      {" "}
                      {t("didYouMean")}{" "}
                      <Link href={searchHref(locale, query, { q: result.suggestion })}>
                        <strong>{result.suggestion}</strong>
                      </Link>
                      ?
                    </>
                  ) : null}
                </p>
              ) : null}
              <p className="search-count" role="status">
                {result.estimated[query.type]
                  ? query.q
                    ? t("countAboutFor", { count: result.total, query: query.q })
                    : t("countAbout", { count: result.total })
                  : query.q
                    ? t("countFor", { count: result.total, query: query.q })
                    : t("count", { count: result.total })}
              </p>
              {result.total === 0 ? (
                <p className="empty">{t("emptyType")}</p>
              ) : result.items.length === 0 ? (
                <p className="empty">
                  {t("emptyPage")} <Link href={searchHref(locale, query)}>{t("backToFirst")}</Link>
                </p>
              ) : (
                <ol className="search-list" start={(result.page - 1) * result.pageSize + 1}>
                  {result.items.map((hit, i) => (
                    <li key={hitKey(hit, i)}>
                      <Hit hit={hit} locale={locale} />
                    </li>
                  ))}
                </ol>
              )}
              <Pagination
                page={result.page}
                pageCount={result.pageCount}
                href={(n) => searchHref(locale, query, { page: n })}
                locale={locale}
                label={t("pages")}
              />
            </>
          )}
        </section>
      )}
    </>
  );
}

function hitKey(hit: SearchHit, i: number): string {
  return hit.type === "quote" ? `quote:${i}` : `${hit.type}:${hit.slug}`;
}

function Hit({ hit, locale }: { hit: SearchHit; locale: Locale }) {
  if (hit.type === "claim") return <ClaimResult hit={hit} locale={locale} />;
  if (hit.type === "quote") return <QuoteResult hit={hit} locale={locale} />;
  return <SpeakerResult hit={hit} locale={locale} />;
}

const speakerHref = (locale: Locale, slug: string) => localeHref(locale, `/speakers/${encodeURIComponent(slug)}`);
const claimHref = (locale: Locale, slug: string) => localeHref(locale, `/claims/${encodeURIComponent(slug)}`);

async function ClaimResult({ hit, locale }: { hit: ClaimHit; locale: Locale }) {
  const t = await getTranslations({ locale });
  return (
    <article className="search-hit search-hit--claim">
      <div className="search-hit__meta">
        <span className="search-hit__type">{t("search.typeClaim")}</span>
        <VerdictBadge verdict={hit.verdict} locale={locale} />
        {hit.status !== "published" ? <span className="status-note">{t(`status.${hit.status}`)}</span> : null}
      </div>
      <h3 className="search-hit__title" lang={hit.language}>
        <Link href={claimHref(locale, hit.slug)}>
          <Highlighted snippet={hit.text} />
        </Link>
      </h3>
      {hit.claimant ? (
        <p className="search-hit__line">
          {t("claim.claimant")}: <Link href={speakerHref(locale, hit.claimant.slug)}>{hit.claimant.name}</Link>
        </p>
      ) : null}
      {hit.summary?.length ? (
        <p className="search-hit__snippet" lang={NEWSROOM_LANGUAGE}>
          <Highlighted snippet={hit.summary} />
        </p>
      ) : null}
      {hit.publishedAt ? (
        <p className="search-hit__line">
          {t("claim.publishedAt")} <DateText date={hit.publishedAt} locale={locale} />
        </p>
      ) : null}
    </article>
  );
}

async function QuoteResult({ hit, locale }: { hit: QuoteHit; locale: Locale }) {
  const t = await getTranslations({ locale });
  return (
    <article className="search-hit search-hit--quote">
      <div className="search-hit__meta">
        <span className="search-hit__type">{t("search.typeQuote")}</span>
      </div>
      <p className="search-hit__line">
        <Link href={speakerHref(locale, hit.speaker.slug)}>{hit.speaker.name}</Link> {t("search.saidBy")}
        {hit.reportedBy ? (
          <>
            {" "}
            ({t("claim.reportedBy")} <Link href={speakerHref(locale, hit.reportedBy.slug)}>{hit.reportedBy.name}</Link>)
          </>
        ) : null}
        {hit.saidOn ? (
          <>
            , <DateText date={hit.saidOn} locale={locale} kind="calendar" />
          </>
        ) : null}
        :
      </p>
      <blockquote className="search-hit__quote" lang={hit.language}>
        <p>
          {t("quotation.open")}
          <Highlighted snippet={hit.text} />
          {t("quotation.close")}
        </p>
      </blockquote>
      <p className="search-hit__line">
        {t("search.quoteFrom")}:{" "}
        <Link href={claimHref(locale, hit.claim.slug)}>{hit.claim.text}</Link>
      </p>
    </article>
  );
}

async function SpeakerResult({ hit, locale }: { hit: SpeakerHit; locale: Locale }) {
  const t = await getTranslations({ locale });
  return (
    <article className="search-hit search-hit--speaker">
      <div className="search-hit__meta">
        <span className="search-hit__type">{t(`speaker.kind.${hit.speakerKind}`)}</span>
      </div>
      <h3 className="search-hit__title">
        <Link href={speakerHref(locale, hit.slug)}>
          <Highlighted snippet={hit.name} />
        </Link>
      </h3>
      {hit.alias && !hasHit(hit.name) ? (
        <p className="search-hit__line">
          {t("search.alias")} {t("quotation.open")}
          <Highlighted snippet={hit.alias} />
          {t("quotation.close")}
        </p>
      ) : null}
      {hit.bio?.length ? (
        <p className="search-hit__snippet" lang={NEWSROOM_LANGUAGE}>
          <Highlighted snippet={hit.bio} />
        </p>
      ) : null}
    </article>
  );
}

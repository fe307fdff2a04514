import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { ClaimCard } from "@/components/ClaimCard";
import { DateText } from "@/components/DateText";
import { Pagination } from "@/components/Pagination";
import { VerdictChart } from "@/components/VerdictChart";
import { noPagesAtBuildTime, pageLocale, publicAlternates, type LocaleParams } from "@/i18n/page";
import { NEWSROOM_LANGUAGE, localeHref, quoted } from "@/lib/i18n";
import { formatNumber } from "@/lib/format";
import { pageNumber } from "@/lib/paged-routes";
import { getPublicSpeakerPage } from "@/lib/public/cached";

// Later pages (`?page=N&qpage=M`) are rendered by the route p/[page]/[qpage] (lib/paged-routes.ts).
type Props = { params: Promise<LocaleParams & { slug: string; page?: string; qpage?: string }> };

export const generateStaticParams = noPagesAtBuildTime;

/** Claims (`?page=`) and quotes (`?qpage=`) per page. */
const PAGE_SIZE = 20;

const loadSpeaker = cache((slug: string, claimPage: number, quotePage: number) =>
  getPublicSpeakerPage(slug, { claimPage, quotePage, pageSize: PAGE_SIZE }),
);

async function load({ params }: Props) {
  const { slug, page, qpage } = await params;
  const claimPage = pageNumber(page);
  const quotePage = pageNumber(qpage);
  return { slug, claimPage, quotePage, data: await loadSpeaker(slug, claimPage, quotePage) };
}

/** The speaker's public URL with its page numbers. */
function speakerPath(slug: string, page: number, qpage: number): string {
  const query = new URLSearchParams();
  if (page > 1) query.set("page", String(page));
  if (qpage > 1) query.set("qpage", String(qpage));
  const q = query.toString();
  return `/speakers/${encodeURIComponent(slug)}${q ? `?${q}` : ""}`;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const locale = await pageLocale(props.params);
  const { slug, claimPage, quotePage, data } = await load(props);
  if (!data) return {};
  return {
    title: data.speaker.name,
    description: data.speaker.bio ?? undefined,
    alternates: await publicAlternates(locale, speakerPath(slug, claimPage, quotePage)),
  };
}

export default async function SpeakerPage(props: Props) {
  const locale = await pageLocale(props.params);
  const [t, marks] = await Promise.all([
    getTranslations({ locale }),
    getTranslations({ locale, namespace: "quotation" }),
  ]);
  const { slug, claimPage, quotePage, data } = await load(props);
  if (!data) notFound();
  const { speaker, claims, quotes, verdicts } = data;

  // Each list pages on its own, keeping the other's page.
  const pageHref = (page: number, qpage: number, anchor: string) => localeHref(locale, `${speakerPath(slug, page, qpage)}#${anchor}`);

  return (
    <article className="speaker">
      <h1>{speaker.name}</h1>
      <p className="muted">{t(`speaker.kind.${speaker.kind}`)}</p>
      {speaker.bio ? <p lang={NEWSROOM_LANGUAGE}>{speaker.bio}</p> : null}

      {speaker.aliases.length || (speaker.wikidataId && /^Q\d+$/.test(speaker.wikidataId)) ? (
        <dl className="facts">
          {speaker.aliases.length ? (
            <>
              <dt>{t("speaker.aliases")}</dt>
              <dd>{speaker.aliases.join(", ")}</dd>
            </>
          ) : null}
          {speaker.wikidataId && /^Q\d+$/.test(speaker.wikidataId) ? (
            <>
              <dt>{t("speaker.wikidata")}</dt>
              <dd>
                <a href={`https://www.wikidata.org/wiki/${speaker.wikidataId}`} rel="noopener noreferrer">
                  {speaker.wikidataId}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}

      {speaker.roles.length ? (
        <section aria-labelledby="roles-heading">
          <h2 id="roles-heading">{t("speaker.roles")}</h2>
          <ul>
            {speaker.roles.map((role, i) => (
              <li key={i}>
                <span lang={NEWSROOM_LANGUAGE}>
                  {role.title}
                  {role.organization ? `, ${role.organization}` : null}
                </span>
                {role.startDate || role.endDate ? (
                  <span className="muted">
                    {" "}
                    (
                    {role.startDate ? (
                      <>
                        {role.endDate ? null : `${t("speaker.since")} `}
                        <DateText date={role.startDate} locale={locale} kind="calendar" />
                      </>
                    ) : null}
                    {role.endDate ? (
                      <>
                        {role.startDate ? " – " : `${t("speaker.until")} `}
                        <DateText date={role.endDate} locale={locale} kind="calendar" />
                      </>
                    ) : null}
                    )
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="verdicts-heading">
        <h2 id="verdicts-heading">{t("speaker.verdicts")}</h2>
        {verdicts.total === 0 ? (
          <p className="muted">{t("speaker.noVerdicts")}</p>
        ) : (
          <VerdictChart distribution={verdicts} caption={t("speaker.verdictsCaption", { name: speaker.name })} locale={locale} />
        )}
        {verdicts.retracted > 0 ? <p className="muted">{t("speaker.retractedNotCounted")}</p> : null}
      </section>

      <section aria-labelledby="claims">
        <h2 id="claims">
          {t("speaker.claims")} ({formatNumber(claims.total, locale)})
        </h2>
        {claims.total === 0 ? (
          <p className="muted">{t("speaker.noClaims")}</p>
        ) : claims.items.length === 0 ? (
          <p className="muted">
            {t("speaker.emptyPage")} <Link href={pageHref(1, quotePage, "claims")}>{t("speaker.backToFirst")}</Link>
          </p>
        ) : (
          <ul className="claim-list">
            {claims.items.map((claim) => (
              <li key={claim.slug}>
                <ClaimCard claim={claim} locale={locale} headingLevel={3} showClaimant={false} />
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={claimPage}
          pageCount={claims.pageCount}
          href={(n) => pageHref(n, quotePage, "claims")}
          locale={locale}
          label={t("speaker.claimsPages")}
        />
      </section>

      <section aria-labelledby="quotes">
        <h2 id="quotes">
          {t("speaker.quotes")} ({formatNumber(quotes.total, locale)})
        </h2>
        {quotes.total === 0 ? (
          <p className="muted">{t("speaker.noQuotes")}</p>
        ) : quotes.items.length === 0 ? (
          <p className="muted">
            {t("speaker.emptyPage")} <Link href={pageHref(claimPage, 1, "quotes")}>{t("speaker.backToFirst")}</Link>
          </p>
        ) : (
          <ul className="item-list">
            {quotes.items.map((quote, i) => (
              <li key={i}>
                {quote.speaker.slug !== speaker.slug ? (
                  <p className="quote-text">
                    <Link href={localeHref(locale, `/speakers/${encodeURIComponent(quote.speaker.slug)}`)}>
                      {quote.speaker.name}
                    </Link>{" "}
                    ({t("claim.reportedBy")} {speaker.name}):
                  </p>
                ) : quote.reportedBy ? (
                  <p className="quote-text muted">
                    {t("claim.reportedBy")}{" "}
                    <Link href={localeHref(locale, `/speakers/${encodeURIComponent(quote.reportedBy.slug)}`)}>
                      {quote.reportedBy.name}
                    </Link>
                    :
                  </p>
                ) : null}
                <blockquote lang={quote.language}>
                  <p>{quote.kind === "direct" ? quoted(quote.text, marks) : quote.text}</p>
                </blockquote>
                <p className="source-line">
                  {t(`speechKind.${quote.kind}`)}
                  {quote.saidOn ? (
                    <>
                      , <DateText date={quote.saidOn} locale={locale} kind="calendar" />
                    </>
                  ) : null}
                  {quote.occasion ? <span lang={NEWSROOM_LANGUAGE}>, {quote.occasion}</span> : null}
                  {quote.place ? <span lang={NEWSROOM_LANGUAGE}>, {quote.place}</span> : null}
                </p>
                {quote.claims.length ? (
                  <p className="source-line">
                    {t("speaker.inClaims")}:{" "}
                    {quote.claims.map((c, j) => (
                      <span key={c.slug}>
                        {j > 0 ? "; " : null}
                        <Link href={localeHref(locale, `/claims/${encodeURIComponent(c.slug)}`)}>{c.text}</Link>
                      </span>
                    ))}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={quotePage}
          pageCount={quotes.pageCount}
          href={(n) => pageHref(claimPage, n, "quotes")}
          locale={locale}
          label={t("speaker.quotesPages")}
        />
      </section>
    </article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { DateText } from "@/components/DateText";
import { Markdown } from "@/components/Markdown";
import { PassageInContext } from "@/components/PassageInContext";
import { SourceLine } from "@/components/SourceLine";
import { VerdictBadge, verdictExplanation, verdictName } from "@/components/VerdictBadge";
import { noPagesAtBuildTime, pageLocale, publicAlternates, type LocaleParams } from "@/i18n/page";
import { FORMAT_LOCALE, NEWSROOM_LANGUAGE, localeHref, quoted, type Locale } from "@/lib/i18n";
import { getPublicClaim, type PublicEvidence, type PublicPassage, type PublicQuote } from "@/lib/public/cached";
import { ClaimReviewJsonLd } from "@/components/ClaimReviewJsonLd";
import { ExternalCheckList } from "@/components/ExternalCheckList";
import { absoluteUrl, getPageSiteInfo, paths } from "@/lib/site";
import type { EvidenceStance } from "@/lib/generated/prisma/enums";

type Params = { params: Promise<LocaleParams & { slug: string }> };

export const generateStaticParams = noPagesAtBuildTime;

// One query per request, shared by generateMetadata and the page.
const loadClaim = cache((slug: string) => getPublicClaim(slug));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const locale = await pageLocale(params);
  const claim = await loadClaim((await params).slug);
  if (!claim) return {};
  const t = await getTranslations({ locale, namespace: "claim" });
  const { origin, organization } = await getPageSiteInfo();
  // Each language version is its own canonical URL; hreflang links tie them together.
  const url = absoluteUrl(origin, localeHref(locale, paths.claim(claim.slug)));
  const description = claim.summary ?? (claim.verdict ? `${t("verdict")}: ${verdictName(claim.verdict, locale)}` : undefined);
  return {
    title: claim.text,
    description,
    alternates: await publicAlternates(locale, paths.claim(claim.slug), {
      "application/json+oembed": [
        { url: absoluteUrl(origin, `${paths.oembed}?format=json&url=${encodeURIComponent(url)}`), title: claim.text },
      ],
    }),
    openGraph: {
      type: "article",
      title: claim.text,
      description,
      url,
      siteName: organization.name,
      locale: FORMAT_LOCALE[locale].replace("-", "_"),
      publishedTime: claim.publishedAt?.toISOString(),
      modifiedTime: claim.publicUpdatedAt?.toISOString(),
    },
    twitter: { card: "summary", title: claim.text, description },
  };
}

const STANCE_ORDER: EvidenceStance[] = ["supports", "refutes", "context"];

async function Passage({ passage, locale, lang }: { passage: PublicPassage; locale: Locale; lang: string }) {
  const t = await getTranslations({ locale, namespace: "claim" });
  return (
    <>
      {passage.context ? (
        <PassageInContext context={passage.context} lang={passage.source.language || lang} />
      ) : (
        <p className="muted">{t("noSnapshot")}</p>
      )}
      <SourceLine source={passage.source} locale={locale} />
    </>
  );
}

async function Quote({ quote, locale }: { quote: PublicQuote; locale: Locale }) {
  const [t, marks] = await Promise.all([
    getTranslations({ locale, namespace: "claim" }),
    getTranslations({ locale, namespace: "quotation" }),
  ]);
  const where = [quote.occasion, quote.place].filter(Boolean).join(", ");
  return (
    <li>
      <p className="quote-text">
        <Link href={localeHref(locale, `/speakers/${encodeURIComponent(quote.speaker.slug)}`)}>{quote.speaker.name}</Link>
        {quote.reportedBy ? (
          <>
            {" "}
            ({t("reportedBy")}{" "}
            <Link href={localeHref(locale, `/speakers/${encodeURIComponent(quote.reportedBy.slug)}`)}>{quote.reportedBy.name}</Link>)
          </>
        ) : null}
        {" "}
        <span className="muted">({quote.kind === "direct" ? t("direct") : t("indirect")})</span>:
      </p>
      <blockquote lang={quote.language}>
        <p>{quote.kind === "direct" ? quoted(quote.text, marks) : quote.text}</p>
      </blockquote>
      {quote.translations.map((tr) => (
        <p key={tr.language} lang={tr.language} className="muted">
          {tr.text}
        </p>
      ))}
      {quote.saidOn || where ? (
        <p className="source-line">
          {quote.saidOn ? <DateText date={quote.saidOn} locale={locale} kind="calendar" /> : null}
          {quote.saidOn && where ? ", " : null}
          {where ? <span lang={NEWSROOM_LANGUAGE}>{where}</span> : null}
        </p>
      ) : null}
      {quote.appearances.map((a, i) => (
        <Passage key={i} passage={a} locale={locale} lang={quote.language} />
      ))}
    </li>
  );
}

function EvidenceItem({ evidence, locale }: { evidence: PublicEvidence; locale: Locale }) {
  return (
    <li>
      <blockquote lang={evidence.source.language}>
        <p>{evidence.excerpt}</p>
      </blockquote>
      {evidence.note ? <Markdown source={evidence.note} lang={NEWSROOM_LANGUAGE} /> : null}
      <SourceLine source={evidence.source} locale={locale} />
    </li>
  );
}

export default async function ClaimPage({ params }: Params) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale });
  const claim = await loadClaim((await params).slug);
  if (!claim) notFound();

  const evidenceByStance = STANCE_ORDER.map((stance) => ({
    stance,
    items: claim.evidence.filter((e) => e.stance === stance),
  })).filter((group) => group.items.length > 0);
  const updated =
    claim.publicUpdatedAt && (!claim.publishedAt || claim.publicUpdatedAt.getTime() !== claim.publishedAt.getTime())
      ? claim.publicUpdatedAt
      : null;

  return (
    <article className="claim">
      <ClaimReviewJsonLd claim={claim} locale={locale} />
      {claim.status === "retracted" ? (
        <p className="notice" role="note">
          {t("claim.retractedNotice")}
        </p>
      ) : claim.status === "corrected" ? (
        <p className="notice" role="note">
          {t("claim.correctedNotice")} <a href="#corrections">{t("claim.corrections")}</a>
        </p>
      ) : null}

      <h1 className="claim-text" lang={claim.language}>
        {claim.text}
      </h1>

      <dl className="facts">
        {claim.claimant ? (
          <>
            <dt>{t("claim.claimant")}</dt>
            <dd>
              <Link href={localeHref(locale, `/speakers/${encodeURIComponent(claim.claimant.slug)}`)}>{claim.claimant.name}</Link>
            </dd>
          </>
        ) : null}
        {claim.claimDate ? (
          <>
            <dt>{t("claim.claimedOn")}</dt>
            <dd>
              <DateText date={claim.claimDate} locale={locale} kind="calendar" />
            </dd>
          </>
        ) : null}
        {claim.publishedAt ? (
          <>
            <dt>{t("claim.publishedAt")}</dt>
            <dd>
              <DateText date={claim.publishedAt} locale={locale} />
            </dd>
          </>
        ) : null}
        {updated ? (
          <>
            <dt>{t("claim.updatedAt")}</dt>
            <dd>
              <DateText date={updated} locale={locale} />
            </dd>
          </>
        ) : null}
        {claim.topics.length ? (
          <>
            <dt>{t("claim.topics")}</dt>
            <dd>
              {claim.topics.map((topic, i) => (
                <span key={topic.slug}>
                  {i > 0 ? ", " : null}
                  <Link href={localeHref(locale, `/topics/${encodeURIComponent(topic.slug)}`)}>
                    {locale === "en" ? topic.nameEn : topic.nameDe}
                  </Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>

      <section className="verdict-box" aria-labelledby="verdict-heading">
        <h2 id="verdict-heading" className="visually-hidden">
          {t("claim.verdict")}
        </h2>
        <VerdictBadge verdict={claim.verdict} locale={locale} />
        {claim.verdict ? (
          <p>{verdictExplanation(claim.verdict, locale)}</p>
        ) : null}
        {claim.summary ? (
          <>
            <h3>{t("claim.summary")}</h3>
            <p lang={NEWSROOM_LANGUAGE}>{claim.summary}</p>
          </>
        ) : null}
      </section>

      {claim.quotes.length || claim.passages.length ? (
        <section aria-labelledby="origin-heading">
          <h2 id="origin-heading">{t("claim.origin")}</h2>
          {claim.quotes.length ? (
            <>
              <h3>{t("claim.quotes")}</h3>
              <ul className="item-list">
                {claim.quotes.map((quote, i) => (
                  <Quote key={i} quote={quote} locale={locale} />
                ))}
              </ul>
            </>
          ) : null}
          {claim.passages.length ? (
            <>
              <h3>{t("claim.passages")}</h3>
              <ul className="item-list">
                {claim.passages.map((passage, i) => (
                  <li key={i}>
                    <Passage passage={passage} locale={locale} lang={claim.language} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {claim.analysis ? (
        <section aria-labelledby="analysis-heading">
          <h2 id="analysis-heading">{t("claim.analysis")}</h2>
          <Markdown source={claim.analysis} lang={NEWSROOM_LANGUAGE} />
        </section>
      ) : null}

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t("claim.evidence")}</h2>
        {evidenceByStance.length === 0 ? <p className="muted">{t("claim.noEvidence")}</p> : null}
        {evidenceByStance.map((group) => (
          <section key={group.stance} aria-labelledby={`evidence-${group.stance}`}>
            <h3 id={`evidence-${group.stance}`}>{t(`stance.${group.stance}`)}</h3>
            <ul className="item-list">
              {group.items.map((evidence, i) => (
                <EvidenceItem key={i} evidence={evidence} locale={locale} />
              ))}
            </ul>
          </section>
        ))}
      </section>

      <ExternalCheckList
        checks={claim.alsoCheckedBy}
        locale={locale}
        labels={{
          heading: t("claim.alsoCheckedBy"),
          note: t("claim.alsoCheckedByNote"),
          rating: t("claim.externalRating"),
          reviewedOn: t("claim.externalReviewedOn"),
          open: (publisher) => t("claim.externalOpen", { publisher }),
          ratingValue: (value, best) => t("claim.externalRatingValue", { value, best }),
        }}
      />

      {claim.corrections.length ? (
        <section id="corrections" aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">{t("claim.corrections")}</h2>
          <ul className="item-list">
            {claim.corrections.map((c, i) => (
              <li key={i}>
                <p>
                  <strong>{c.kind === "retraction" ? t("claim.retraction") : t("claim.correction")}</strong>,{" "}
                  <DateText date={c.publishedAt} locale={locale} />
                </p>
                <Markdown source={c.note} lang={NEWSROOM_LANGUAGE} />
                {c.previousVerdict ? (
                  <p className="muted">
                    {t("claim.previousVerdict")}: {verdictName(c.previousVerdict, locale)}
                  </p>
                ) : null}
                {c.previousSummary ? (
                  <p className="muted">
                    {t("claim.previousSummary")}: <span lang={NEWSROOM_LANGUAGE}>{c.previousSummary}</span>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

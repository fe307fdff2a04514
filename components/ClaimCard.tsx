// One claim in a list: text (linking to its page), claimant, verdict, summary, date.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NEWSROOM_LANGUAGE, localeHref, type Locale } from "../lib/i18n";
import type { PublicClaimSummary } from "../lib/public";
import { DateText } from "./DateText";
import { VerdictBadge } from "./VerdictBadge";

export async function ClaimCard({
  claim,
  locale,
  headingLevel = 2,
  showClaimant = true,
}: {
  claim: PublicClaimSummary;
  locale: Locale;
  headingLevel?: 2 | 3;
  showClaimant?: boolean;
}) {
  const t = await getTranslations({ locale });
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="claim-card">
      <div className="claim-card__meta">
        <VerdictBadge verdict={claim.verdict} locale={locale} />
        {claim.status !== "published" ? <span className="status-note">{t(`status.${claim.status}`)}</span> : null}
      </div>
      <Heading className="claim-card__text" lang={claim.language}>
        <Link href={localeHref(locale, `/claims/${encodeURIComponent(claim.slug)}`)}>{claim.text}</Link>
      </Heading>
      {showClaimant && claim.claimant ? (
        <p className="claim-card__claimant">
          {t("claim.claimant")}:{" "}
          <Link href={localeHref(locale, `/speakers/${encodeURIComponent(claim.claimant.slug)}`)}>{claim.claimant.name}</Link>
        </p>
      ) : null}
      {claim.summary ? (
        <p className="claim-card__summary" lang={NEWSROOM_LANGUAGE}>
          {claim.summary}
        </p>
      ) : null}
      {claim.publishedAt ? (
        <p className="claim-card__date">
          {t("claim.publishedAt")} <DateText date={claim.publishedAt} locale={locale} />
        </p>
      ) : null}
    </article>
  );
}

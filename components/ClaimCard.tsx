// One claim in a list: text (linking to its page), claimant, verdict, summary, date.
import Link from "next/link";
import { NEWSROOM_LANGUAGE, localeHref, type Dictionary } from "../lib/i18n";
import type { PublicClaimSummary } from "../lib/public";
import { DateText } from "./DateText";
import { VerdictBadge } from "./VerdictBadge";

export function ClaimCard({
  claim,
  dict,
  headingLevel = 2,
  showClaimant = true,
}: {
  claim: PublicClaimSummary;
  dict: Dictionary;
  headingLevel?: 2 | 3;
  showClaimant?: boolean;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="claim-card">
      <div className="claim-card__meta">
        <VerdictBadge verdict={claim.verdict} dict={dict} />
        {claim.status !== "published" ? <span className="status-note">{dict.status[claim.status]}</span> : null}
      </div>
      <Heading className="claim-card__text" lang={claim.language}>
        <Link href={localeHref(dict.locale, `/claims/${encodeURIComponent(claim.slug)}`)}>{claim.text}</Link>
      </Heading>
      {showClaimant && claim.claimant ? (
        <p className="claim-card__claimant">
          {dict.claim.claimant}:{" "}
          <Link href={localeHref(dict.locale, `/speakers/${encodeURIComponent(claim.claimant.slug)}`)}>{claim.claimant.name}</Link>
        </p>
      ) : null}
      {claim.summary ? (
        <p className="claim-card__summary" lang={NEWSROOM_LANGUAGE}>
          {claim.summary}
        </p>
      ) : null}
      {claim.publishedAt ? (
        <p className="claim-card__date">
          {dict.claim.publishedAt} <DateText date={claim.publishedAt} dict={dict} />
        </p>
      ) : null}
    </article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClaimCard } from "@/components/ClaimCard";
import { DateText } from "@/components/DateText";
import { getDictionary } from "@/lib/i18n";
import { getPublicSpeaker } from "@/lib/public";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

/** How many quotes and claims the page lists; the count of all is shown beside. */
const LIMIT = 50;

const loadSpeaker = cache((slug: string) => getPublicSpeaker(slug, { limit: LIMIT }));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const speaker = await loadSpeaker((await params).slug);
  if (!speaker) return {};
  return { title: speaker.name, description: speaker.bio ?? undefined };
}

export default async function SpeakerPage({ params }: Params) {
  const t = getDictionary();
  const speaker = await loadSpeaker((await params).slug);
  if (!speaker) notFound();

  return (
    <article className="speaker">
      <h1>{speaker.name}</h1>
      <p className="muted">{t.speaker.kind[speaker.kind]}</p>
      {speaker.bio ? <p>{speaker.bio}</p> : null}

      <dl className="facts">
        {speaker.aliases.length ? (
          <>
            <dt>{t.speaker.aliases}</dt>
            <dd>{speaker.aliases.join(", ")}</dd>
          </>
        ) : null}
        {speaker.wikidataId && /^Q\d+$/.test(speaker.wikidataId) ? (
          <>
            <dt>{t.speaker.wikidata}</dt>
            <dd>
              <a href={`https://www.wikidata.org/wiki/${speaker.wikidataId}`} rel="noopener noreferrer">
                {speaker.wikidataId}
              </a>
            </dd>
          </>
        ) : null}
      </dl>

      {speaker.roles.length ? (
        <section aria-labelledby="roles-heading">
          <h2 id="roles-heading">{t.speaker.roles}</h2>
          <ul>
            {speaker.roles.map((role, i) => (
              <li key={i}>
                {role.title}
                {role.organization ? `, ${role.organization}` : null}
                {role.startDate || role.endDate ? (
                  <span className="muted">
                    {" "}
                    (
                    {role.startDate ? (
                      <>
                        {role.endDate ? null : `${t.speaker.since} `}
                        <DateText date={role.startDate} dict={t} kind="calendar" />
                      </>
                    ) : null}
                    {role.endDate ? (
                      <>
                        {role.startDate ? " – " : `${t.speaker.until} `}
                        <DateText date={role.endDate} dict={t} kind="calendar" />
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

      <section aria-labelledby="quotes-heading">
        <h2 id="quotes-heading">
          {t.speaker.quotes} ({speaker.quotes.total})
        </h2>
        {speaker.quotes.items.length === 0 ? <p className="muted">{t.speaker.noQuotes}</p> : null}
        {speaker.quotes.items.length ? (
        <ul className="item-list">
          {speaker.quotes.items.map((quote, i) => (
            <li key={i}>
              {quote.speaker.slug !== speaker.slug ? (
                <p className="quote-text">
                  <Link href={`/speakers/${encodeURIComponent(quote.speaker.slug)}`}>{quote.speaker.name}</Link> (
                  {t.claim.reportedBy} {speaker.name}):
                </p>
              ) : quote.reportedBy ? (
                <p className="quote-text muted">
                  {t.claim.reportedBy}{" "}
                  <Link href={`/speakers/${encodeURIComponent(quote.reportedBy.slug)}`}>{quote.reportedBy.name}</Link>:
                </p>
              ) : null}
              <blockquote lang={quote.language}>
                <p>{quote.kind === "direct" ? `„${quote.text}“` : quote.text}</p>
              </blockquote>
              <p className="source-line">
                {t.speechKind[quote.kind]}
                {quote.saidOn ? (
                  <>
                    , <DateText date={quote.saidOn} dict={t} kind="calendar" />
                  </>
                ) : null}
                {quote.occasion ? `, ${quote.occasion}` : null}
                {quote.place ? `, ${quote.place}` : null}
              </p>
              {quote.claims.length ? (
                <p className="source-line">
                  {t.speaker.inClaims}:{" "}
                  {quote.claims.map((c, j) => (
                    <span key={c.slug}>
                      {j > 0 ? "; " : null}
                      <Link href={`/claims/${encodeURIComponent(c.slug)}`}>{c.text}</Link>
                    </span>
                  ))}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        ) : null}
        {speaker.quotes.total > speaker.quotes.items.length ? (
          <p className="muted">{t.speaker.shownOf(speaker.quotes.items.length, speaker.quotes.total)}</p>
        ) : null}
      </section>

      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">
          {t.speaker.claims} ({speaker.claims.total})
        </h2>
        {speaker.claims.items.length === 0 ? (
          <p className="muted">{t.speaker.noClaims}</p>
        ) : (
          <ul className="claim-list">
            {speaker.claims.items.map((claim) => (
              <li key={claim.slug}>
                <ClaimCard claim={claim} dict={t} headingLevel={3} showClaimant={false} />
              </li>
            ))}
          </ul>
        )}
        {speaker.claims.total > speaker.claims.items.length ? (
          <p className="muted">{t.speaker.shownOf(speaker.claims.items.length, speaker.claims.total)}</p>
        ) : null}
      </section>
    </article>
  );
}

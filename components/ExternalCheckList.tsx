// "Also checked by" on a public claim page: other newsrooms' fact-checks an editor linked to the
// claim (lib/public: PublicExternalCheck). Everything in them is the other publisher's text and
// untrusted (publisher names have carried script payloads): it is rendered as text, which React
// escapes, never as markup, and the only link is their page's http(s) URL, checked again here.
// The labels are the public site's (messages/*.json, claim.*); names are marked as content.
import type { Locale } from "../lib/i18n";
import type { PublicExternalCheck } from "../lib/public";
import { DateText } from "./DateText";

export interface ExternalCheckLabels {
  heading: string;
  note: string;
  rating: string;
  reviewedOn: string;
  open: (publisher: string) => string;
  ratingValue: (value: string, best: string) => string;
}

const isHttp = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

export function ExternalCheckList({ checks, locale, labels }: { checks: PublicExternalCheck[]; locale: Locale; labels: ExternalCheckLabels }) {
  if (!checks.length) return null;
  return (
    <section aria-labelledby="also-checked-heading">
      <h2 id="also-checked-heading">{labels.heading}</h2>
      <p className="muted">{labels.note}</p>
      <ul className="item-list">
        {checks.map((check, i) => {
          const numeric =
            check.ratingValue !== null && check.bestRating !== null
              ? labels.ratingValue(String(check.ratingValue), String(check.bestRating))
              : check.ratingValue !== null
                ? String(check.ratingValue)
                : null;
          const rating = [check.textualRating, numeric].filter(Boolean).join(" · ");
          return (
            <li key={i}>
              <p>
                <strong translate="no">
                  {isHttp(check.url) ? (
                    <a href={check.url} rel="nofollow noopener noreferrer external" aria-label={labels.open(check.publisherName)}>
                      {check.publisherName}
                    </a>
                  ) : (
                    check.publisherName
                  )}
                </strong>
                {check.publisherSite && check.publisherSite !== check.publisherName ? <span className="muted" translate="no"> ({check.publisherSite})</span> : null}
                {check.reviewDate ? (
                  <span className="muted">
                    , {labels.reviewedOn} <DateText date={check.reviewDate} locale={locale} />
                  </span>
                ) : null}
              </p>
              {check.title ? <p lang={check.language ?? undefined}>{check.title}</p> : null}
              {rating ? (
                <p>
                  {labels.rating}: <span lang={check.language ?? undefined}>{rating}</span>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

// Our published fact-checks as a schema.org DataFeed of ClaimReview, the shape Data Commons
// reads (https://schema.org/DataFeed; each dataFeedElement a DataFeedItem whose item is one
// ClaimReview): GET /api/v1/claimreview-feed.json. Each ClaimReview is the one its claim page
// carries (lib/claimreview.ts buildClaimReview, from lib/public's PublicClaim), in the page
// language asked for: `de` describes the German pages (the site's root URLs, German labels),
// `en` the English ones (/en/…, English labels). The claim text, summary and sources are the
// same in both (they are written once). Retracted claims and claims without a verdict have no
// ClaimReview and are not in the feed, as on their pages.
//
// The feed is streamed: claims are read in keyset pages of FEED_PAGE (lib/public/keyset.ts), each
// turned into JSON and sent before the next is read, so memory does not grow with the number of
// fact-checks. The ETag is weak, from the fingerprint of the public data, and checked before
// anything is read.
import type { Locale } from "../i18n";
import { buildClaimReview } from "../claimreview";
import { getPublicRatingScale } from "../public";
import { latestPublicChange, pagePublicClaims, publicFingerprint, type ClaimKey } from "../public/keyset";
import { getSiteInfo, paths } from "../site";
import type { ApiAnswer } from "./http";
import { weakEtag } from "./http";
import { pageUrl } from "./present";
import type { Db } from "../db/client";
import { db as defaultDb } from "../db/client";

export const FEED_PAGE = 100;

/** The feed as a stream of JSON text, one DataFeedItem after another. */
export async function* claimReviewFeedChunks(locale: Locale, client: Db = defaultDb): AsyncGenerator<string> {
  const [site, scale, latest] = await Promise.all([getSiteInfo(client), getPublicRatingScale(client), latestPublicChange(client)]);
  const head = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    name: locale === "en" ? `${site.organization.name}: fact-checks` : `${site.organization.name}: Faktenchecks`,
    url: `${site.origin}/api/v1/claimreview-feed.json${locale === "en" ? "?lang=en" : ""}`,
    inLanguage: locale,
    dateModified: (latest ?? new Date(0)).toISOString(),
    publisher: { "@type": "Organization", name: site.organization.name, url: site.organization.url },
  };
  const headJson = JSON.stringify(head);
  yield `${headJson.slice(0, -1)},"dataFeedElement":[`;
  let after: ClaimKey | null = null;
  let first = true;
  for (;;) {
    const page = await pagePublicClaims({ after, take: FEED_PAGE }, client);
    let chunk = "";
    for (const claim of page.items) {
      const review = buildClaimReview(claim, {
        url: pageUrl(site.origin, paths.claim(claim.slug), locale),
        organization: site.organization,
        scale,
        locale,
      });
      if (!review) continue;
      const item = {
        "@type": "DataFeedItem",
        ...(claim.publishedAt ? { dateCreated: claim.publishedAt.toISOString() } : {}),
        ...(claim.publicUpdatedAt ? { dateModified: claim.publicUpdatedAt.toISOString() } : {}),
        item: [review],
      };
      chunk += (first ? "" : ",") + JSON.stringify(item);
      first = false;
    }
    if (chunk) yield chunk;
    if (!page.next) break;
    after = page.next;
  }
  yield "]}";
}

/** A ReadableStream of UTF-8 from chunks of text, pulled one at a time (backpressure: the next
 * chunk is made when the reader wants it). */
export function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export async function claimReviewFeed(locale: Locale): Promise<ApiAnswer> {
  const fingerprint = await publicFingerprint();
  return {
    etag: weakEtag(`feed|${locale}|${fingerprint}`),
    contentType: "application/ld+json; charset=utf-8",
    stream: () => textStream(claimReviewFeedChunks(locale)),
  };
}

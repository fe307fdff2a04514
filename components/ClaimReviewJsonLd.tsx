// The claim page's one `<script type="application/ld+json">`: its ClaimReview
// (lib/claimreview.ts). Renders nothing for a claim without one (retracted, no verdict).
import { buildClaimReview, serializeJsonLd, type ClaimReviewInput } from "../lib/claimreview";
import { localeHref } from "../lib/i18n";
import { getPublicRatingScale } from "../lib/public/cached";
import { absoluteUrl, getPageSiteInfo, paths } from "../lib/site";

export async function ClaimReviewJsonLd({
  claim,
  locale,
}: {
  claim: ClaimReviewInput & { slug: string };
  /** The page language: the verdict label is given in it. */
  locale: string;
}) {
  const [site, scale] = await Promise.all([getPageSiteInfo(), getPublicRatingScale()]);
  const review = buildClaimReview(claim, {
    // The page it is on: each language version has its own URL.
    url: absoluteUrl(site.origin, localeHref(locale === "en" ? "en" : "de", paths.claim(claim.slug))),
    organization: site.organization,
    scale,
    locale,
  });
  if (!review) return null;
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(review) }} />;
}

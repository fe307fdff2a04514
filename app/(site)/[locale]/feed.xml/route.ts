// Atom feed (RFC 4287) of the 50 newest public fact-checks: title = the claim, summary = the
// verdict label and the published summary, a link to the claim page, updated = the last
// public change. Read through lib/public only. German at /feed.xml, English at /en/feed.xml
// (proxy.ts maps them onto this route). Rendered once and kept in Next.js's cache under the
// tags of the claim list, like the pages (docs/caching.md).
import { getTranslations } from "next-intl/server";
import { verdictLabel } from "@/lib/claimreview";
import { noPagesAtBuildTime, type LocaleParams } from "@/i18n/page";
import { isLocale, localeHref, type Locale } from "@/lib/i18n";
import { listPublishedClaims, type PublicClaimSummary } from "@/lib/public/cached";
import { absoluteUrl, getSiteInfo, paths } from "@/lib/site";
import { xmlText } from "@/lib/xml";

export const generateStaticParams = noPagesAtBuildTime;

const FEED_SIZE = 50;

type ClaimTexts = Awaited<ReturnType<typeof getTranslations<"claim">>>;

function entrySummary(claim: PublicClaimSummary, t: ClaimTexts, locale: Locale): string {
  const parts: string[] = [];
  if (claim.status === "retracted") parts.push(t("retractedNotice"));
  if (claim.verdict) parts.push(`${t("verdict")}: ${verdictLabel(claim.verdict, locale)}.`);
  if (claim.summary) parts.push(claim.summary);
  return parts.join(" ");
}

export async function GET(_request: Request, { params }: { params: Promise<LocaleParams> }): Promise<Response> {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const [site, page, home, claimTexts] = await Promise.all([
    getSiteInfo(),
    listPublishedClaims({ page: 1, pageSize: FEED_SIZE }),
    getTranslations({ locale, namespace: "home" }),
    getTranslations({ locale, namespace: "claim" }),
  ]);
  const feedUrl = absoluteUrl(site.origin, localeHref(locale, paths.feed));
  const updatedOf = (c: PublicClaimSummary) => c.publicUpdatedAt ?? c.publishedAt ?? new Date(0);
  const newest = page.items.reduce<Date | null>((max, c) => (!max || updatedOf(c) > max ? updatedOf(c) : max), null);

  const entries = page.items.map((claim) => {
    const url = absoluteUrl(site.origin, localeHref(locale, paths.claim(claim.slug)));
    return [
      "  <entry>",
      `    <id>${xmlText(url)}</id>`,
      `    <title type="text" xml:lang="${xmlText(claim.language)}">${xmlText(claim.text)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
      claim.publishedAt ? `    <published>${claim.publishedAt.toISOString()}</published>` : null,
      `    <updated>${updatedOf(claim).toISOString()}</updated>`,
      `    <summary type="text">${xmlText(entrySummary(claim, claimTexts, locale))}</summary>`,
      "  </entry>",
    ]
      .filter((line): line is string => line !== null)
      .join("\n");
  });

  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${xmlText(feedUrl)}</id>`,
    `  <title type="text">${xmlText(`${site.organization.name}: ${home("title")}`)}</title>`,
    `  <subtitle type="text">${xmlText(home("intro"))}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(absoluteUrl(site.origin, localeHref(locale, paths.home)))}"/>`,
    `  <updated>${(newest ?? new Date()).toISOString()}</updated>`,
    `  <author><name>${xmlText(site.organization.name)}</name><uri>${xmlText(site.organization.url)}</uri></author>`,
    `  <generator>Claimbase</generator>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");

  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

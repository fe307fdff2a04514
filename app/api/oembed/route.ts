// oEmbed 1.0 (https://oembed.com/) for claim pages: GET ?url=<claim page URL>&format=json
// [&maxwidth=&maxheight=] answers a "rich" response whose html is an iframe of the embed card
// (app/embed/claims/[slug]). Public by design (it shows what the claim page shows), read
// through lib/public: 404 for a URL that is not a public claim page of this site, 501 for
// format=xml (JSON only), 400 without a url.
import { getTranslations } from "next-intl/server";
import { getPublicClaim } from "@/lib/public/cached";
import { absoluteUrl, getSiteInfo, paths } from "@/lib/site";

export const dynamic = "force-dynamic";

const WIDTH = 500;
const HEIGHT = 300;
/** Below this width the card wraps more and needs more height. */
const NARROW = 400;
const NARROW_HEIGHT = 400;

const json = (body: unknown, status = 200) =>
  Response.json(body, {
    status,
    headers: {
      "Cache-Control": status === 200 ? "public, max-age=300" : "no-store",
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    },
  });

function attr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#39;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A positive whole number of pixels, or null. */
function pixels(value: string | null): number | null {
  if (value === null || !/^\d{1,5}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n > 0 ? n : null;
}

/** The slug of a claim page URL on one of the given origins, or null. */
function claimSlug(raw: string, origins: string[]): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!origins.includes(url.origin)) return null;
  // German at the root, English under /en (proxy.ts).
  const match = /^(?:\/en)?\/claims\/([^/]+)\/?$/.exec(url.pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const format = (params.get("format") ?? "json").toLowerCase();
  if (format !== "json") return json({ error: "Only format=json is supported." }, 501);
  const target = params.get("url");
  if (!target) return json({ error: "The url parameter is missing." }, 400);

  const site = await getSiteInfo();
  const slug = claimSlug(target, [site.origin]);
  const claim = slug === null ? null : await getPublicClaim(slug);
  if (!claim) return json({ error: "No public fact-check at this URL." }, 404);

  const maxWidth = pixels(params.get("maxwidth"));
  const maxHeight = pixels(params.get("maxheight"));
  const width = Math.min(WIDTH, maxWidth ?? WIDTH);
  const height = Math.min(width < NARROW ? NARROW_HEIGHT : HEIGHT, maxHeight ?? Infinity);

  // German, like the embed card the iframe shows.
  const t = await getTranslations({ locale: "de", namespace: "claim" });
  const src = absoluteUrl(site.origin, paths.embed(claim.slug));
  const title = `${t("verdict")}: ${claim.text}`;
  const html =
    `<iframe src="${attr(src)}" width="${width}" height="${height}" title="${attr(title)}" ` +
    `loading="lazy" style="border:0;max-width:100%" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;

  return json({
    version: "1.0",
    type: "rich",
    title: claim.text,
    author_name: site.organization.name,
    author_url: site.organization.url,
    provider_name: site.organization.name,
    provider_url: absoluteUrl(site.origin, paths.home),
    cache_age: 3600,
    html,
    width,
    height,
  });
}

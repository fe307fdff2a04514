// Where the public site lives and who publishes it: the absolute URLs of canonical links,
// ClaimReview, the Atom feed, the sitemap, robots.txt and oEmbed.
//
// The origin comes from the setting `organization.url` (Setting table). While that still has
// the value every new install gets (DEFAULT_SETTINGS, a localhost placeholder), it counts as
// not configured and the origin is taken from the request: X-Forwarded-Host or Host, with
// X-Forwarded-Proto (Next.js sets it from the connection when no proxy did). Those headers
// come from the client or the proxy, so a public site should set `organization.url`.
//
// Only the two `organization.*` settings are read here; they are public by definition (they
// are the ClaimReview author).
import { headers } from "next/headers";
import { cache } from "react";
import { db, type Db } from "./db/client";
import { DEFAULT_SETTINGS } from "./settings";

export interface Organization {
  name: string;
  url: string;
}

export interface SiteInfo {
  /** Scheme, host and port, no trailing slash: `https://faktencheck.example`. */
  origin: string;
  /** The publishing organisation (ClaimReview `author`, feed author, oEmbed provider). */
  organization: Organization;
}

const PUBLIC_SETTING_KEYS = ["organization.name", "organization.url"] as const;

/** The origin of an absolute http(s) URL, or null. */
export function httpOrigin(value: unknown): string | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

// A host name (or IPv4, or bracketed IPv6) with an optional port; anything else in a Host
// header is refused rather than written into links.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The origin the request was made to, from X-Forwarded-Host/Host and X-Forwarded-Proto. */
export function originFromHeaders(h: Headers): string | null {
  const first = (name: string) => h.get(name)?.split(",")[0]?.trim() || null;
  const host = first("x-forwarded-host") ?? first("host");
  if (!host || !HOST.test(host)) return null;
  const proto = first("x-forwarded-proto")?.toLowerCase();
  return `${proto === "https" ? "https" : "http"}://${host.toLowerCase()}`;
}

/** The configured origin: `organization.url`, unless it is missing, invalid or still the
 * shipped placeholder. */
export function configuredOrigin(settingValue: unknown): string | null {
  const origin = httpOrigin(settingValue);
  if (!origin || origin === httpOrigin(DEFAULT_SETTINGS["organization.url"])) return null;
  return origin;
}

async function requestHeaders(): Promise<Headers | null> {
  try {
    return await headers();
  } catch {
    return null; // outside a request (tests, scripts)
  }
}

/**
 * The site's origin and organisation. Pass the request's headers from a route handler; pages
 * and metadata functions may leave them out (next/headers gives them).
 */
export async function getSiteInfo(reqHeaders?: Headers | null, client: Db = db): Promise<SiteInfo> {
  const rows = await client.setting.findMany({
    where: { key: { in: [...PUBLIC_SETTING_KEYS] } },
    select: { key: true, value: true },
  });
  const value = (key: (typeof PUBLIC_SETTING_KEYS)[number]) => rows.find((r) => r.key === key)?.value;
  const configured = configuredOrigin(value("organization.url"));
  const fromRequest = configured ? null : originFromHeaders(reqHeaders ?? (await requestHeaders()) ?? new Headers());
  const origin =
    configured ?? fromRequest ?? httpOrigin(value("organization.url")) ?? httpOrigin(DEFAULT_SETTINGS["organization.url"])!;
  const name = value("organization.name");
  return {
    origin,
    organization: {
      name: typeof name === "string" && name.trim() ? name.trim() : DEFAULT_SETTINGS["organization.name"],
      // The organisation's own URL when one is configured, else the site itself.
      url: configured ? String(value("organization.url")).trim() : origin,
    },
  };
}

/** getSiteInfo, once per page render (generateMetadata and the page share it). */
export const getPageSiteInfo = cache(() => getSiteInfo());

/** The site's origin, e.g. `https://faktencheck.example`. */
export async function getSiteOrigin(reqHeaders?: Headers | null, client: Db = db): Promise<string> {
  return (await getSiteInfo(reqHeaders, client)).origin;
}

// ---------------------------------------------------------------------------------------
// Paths of the public pages, and absolute URLs.

export const paths = {
  home: "/",
  claim: (slug: string) => `/claims/${encodeURIComponent(slug)}`,
  embed: (slug: string) => `/embed/claims/${encodeURIComponent(slug)}`,
  speaker: (slug: string) => `/speakers/${encodeURIComponent(slug)}`,
  topic: (slug: string) => `/topics/${encodeURIComponent(slug)}`,
  methodology: "/methodology",
  corrections: "/corrections",
  search: "/search",
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  oembed: "/api/oembed",
} as const;

/** `origin` + an absolute path. */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, `${origin}/`).toString();
}

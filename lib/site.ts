// Where the public site lives and who publishes it: the absolute URLs of canonical links,
// ClaimReview, the Atom feed, the sitemap, robots.txt and oEmbed.
//
// The origin is configuration, never a request header: CLAIMBASE_PUBLIC_URL (lib/config.ts;
// npm start passes it to Next.js, default http://localhost:PORT). A Host or X-Forwarded-Host
// sent by a client or a proxy changes no link, so no cache in front can store a page whose
// links point elsewhere.
//
// The organisation (ClaimReview author) comes from the settings `organization.name` and
// `organization.url`; they are public by definition.
import { cache } from "react";
import { parsePublicUrl } from "./config";
import { db, type Db } from "./db/client";
import { DEFAULT_SETTINGS } from "./settings";

export interface Organization {
  name: string;
  url: string;
}

export interface SiteInfo {
  /** Scheme, host and port, no trailing slash: `https://faktencheck.example`. */
  origin: string;
  /** The publishing organisation (ClaimReview author, feed author, oEmbed provider). */
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

/** The public site's origin in this process (CLAIMBASE_PUBLIC_URL, else http://localhost:PORT). */
export function siteOrigin(env: Record<string, string | undefined> = process.env): string {
  return (env.CLAIMBASE_PUBLIC_URL && parsePublicUrl(env.CLAIMBASE_PUBLIC_URL)) || `http://localhost:${env.PORT || 3000}`;
}

/** The organisation's own URL: `organization.url` unless missing, invalid or the shipped placeholder. */
function organizationUrl(settingValue: unknown): string | null {
  const origin = httpOrigin(settingValue);
  if (!origin || origin === httpOrigin(DEFAULT_SETTINGS["organization.url"])) return null;
  return String(settingValue).trim();
}

/** The site's origin and organisation. */
export async function getSiteInfo(client: Db = db): Promise<SiteInfo> {
  const rows = await client.setting.findMany({
    where: { key: { in: [...PUBLIC_SETTING_KEYS] } },
    select: { key: true, value: true },
  });
  const value = (key: (typeof PUBLIC_SETTING_KEYS)[number]) => rows.find((r) => r.key === key)?.value;
  const origin = siteOrigin();
  const name = value("organization.name");
  return {
    origin,
    organization: {
      name: typeof name === "string" && name.trim() ? name.trim() : DEFAULT_SETTINGS["organization.name"],
      // The organisation's own URL when one is configured, else the site itself.
      url: organizationUrl(value("organization.url")) ?? origin,
    },
  };
}

/** getSiteInfo, once per page render (generateMetadata and the page share it). */
export const getPageSiteInfo = cache(() => getSiteInfo());

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

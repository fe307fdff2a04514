// sitemap.xml: every public page. Claims, speakers and topics come from lib/public (the rule
// of what is public); the methodology, corrections, search and topic pages are listed even
// where they are still being built. Each entry is the German URL with its language versions
// (hreflang alternates: German at the root, English under /en).
import type { MetadataRoute } from "next";
import { languageAlternates } from "@/lib/i18n";
import { listPublicSitemap } from "@/lib/public/cached";
import { absoluteUrl, getSiteInfo, paths } from "@/lib/site";

// Read at request time: the data changes, and the build has no database.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [{ origin }, data] = await Promise.all([getSiteInfo(), listPublicSitemap()]);
  const url = (path: string) => absoluteUrl(origin, path);
  const page = (path: string) => ({ url: url(path), alternates: { languages: languageAlternates(path, origin) } });
  const newest = data.claims.reduce<Date | undefined>(
    (max, c) => (c.lastModified && (!max || c.lastModified > max) ? c.lastModified : max),
    undefined,
  );
  return [
    { ...page(paths.home), lastModified: newest, changeFrequency: "daily", priority: 1 },
    { ...page(paths.methodology), changeFrequency: "monthly", priority: 0.5 },
    { ...page(paths.corrections), changeFrequency: "weekly", priority: 0.5 },
    { ...page(paths.search), changeFrequency: "weekly", priority: 0.3 },
    ...data.claims.map((c) => ({
      ...page(paths.claim(c.slug)),
      lastModified: c.lastModified ?? undefined,
      changeFrequency: "monthly" as const,
      priority: 0.8,
    })),
    ...data.speakers.map((s) => ({ ...page(paths.speaker(s.slug)), changeFrequency: "weekly" as const, priority: 0.6 })),
    ...data.topics.map((t) => ({ ...page(paths.topic(t.slug)), changeFrequency: "weekly" as const, priority: 0.6 })),
  ];
}

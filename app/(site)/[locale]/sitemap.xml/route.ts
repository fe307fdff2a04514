// sitemap.xml: every public page. Claims, speakers and topics come from lib/public (the rule
// of what is public); the methodology, corrections and search pages are listed too. Each entry
// is the German URL with its language versions (hreflang alternates: German at the root,
// English under /en). One sitemap for both languages: /sitemap.xml (proxy.ts maps it onto this
// route); /en/sitemap.xml does not exist. Rendered once and kept in Next.js's cache under the
// tags of the claim list, like the pages (docs/caching.md).
import { noPagesAtBuildTime, type LocaleParams } from "@/i18n/page";
import { DEFAULT_LOCALE, languageAlternates } from "@/lib/i18n";
import { listPublicSitemap } from "@/lib/public/cached";
import { absoluteUrl, getSiteInfo, paths } from "@/lib/site";
import { xmlText } from "@/lib/xml";

export const generateStaticParams = noPagesAtBuildTime;

interface Entry {
  path: string;
  lastModified?: Date | null;
  changeFrequency: "daily" | "weekly" | "monthly";
  priority: number;
}

export async function GET(_request: Request, { params }: { params: Promise<LocaleParams> }): Promise<Response> {
  if ((await params).locale !== DEFAULT_LOCALE) return new Response("Not found", { status: 404 });
  const [{ origin }, data] = await Promise.all([getSiteInfo(), listPublicSitemap()]);
  const newest = data.claims.reduce<Date | undefined>(
    (max, c) => (c.lastModified && (!max || c.lastModified > max) ? c.lastModified : max),
    undefined,
  );
  const entries: Entry[] = [
    { path: paths.home, lastModified: newest, changeFrequency: "daily", priority: 1 },
    { path: paths.methodology, changeFrequency: "monthly", priority: 0.5 },
    { path: paths.corrections, changeFrequency: "weekly", priority: 0.5 },
    { path: paths.search, changeFrequency: "weekly", priority: 0.3 },
    ...data.claims.map((c) => ({ path: paths.claim(c.slug), lastModified: c.lastModified, changeFrequency: "monthly" as const, priority: 0.8 })),
    ...data.speakers.map((s) => ({ path: paths.speaker(s.slug), changeFrequency: "weekly" as const, priority: 0.6 })),
    ...data.topics.map((t) => ({ path: paths.topic(t.slug), changeFrequency: "weekly" as const, priority: 0.6 })),
  ];
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries.map((entry) =>
      [
        "<url>",
        `<loc>${xmlText(absoluteUrl(origin, entry.path))}</loc>`,
        ...Object.entries(languageAlternates(entry.path, origin)).map(
          ([lang, href]) => `<xhtml:link rel="alternate" hreflang="${xmlText(lang)}" href="${xmlText(href)}" />`,
        ),
        entry.lastModified ? `<lastmod>${entry.lastModified.toISOString()}</lastmod>` : null,
        `<changefreq>${entry.changeFrequency}</changefreq>`,
        `<priority>${entry.priority}</priority>`,
        "</url>",
      ]
        .filter((line): line is string => line !== null)
        .join("\n"),
    ),
    "</urlset>",
    "",
  ].join("\n");
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}

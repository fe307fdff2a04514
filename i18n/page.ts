// What every public page and layout does first: take its language from the URL's [locale]
// segment (app/(site)/[locale]) and tell next-intl, so that the page renders without reading
// a request header and can be prerendered.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale, languageAlternates, localeHref, type Locale } from "@/lib/i18n";
import { absoluteUrl, getPageSiteInfo, paths } from "@/lib/site";

export type LocaleParams = { locale: string };

/** The page's language; an unknown one is not found. */
export async function pageLocale(params: Promise<LocaleParams>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}

/** No public page is rendered at build time (the build has no database, or another one than
 * the server's): each is rendered on its first request and kept until a tag it depends on is
 * revalidated (docs/caching.md). */
export function noPagesAtBuildTime(): never[] {
  return [];
}

/** `alternates` of a public page's metadata: its canonical URL in this language, hreflang
 * links to both language versions and the Atom feed in this language (for feed readers);
 * `types` adds more alternate formats. */
export async function publicAlternates(
  locale: Locale,
  path: string,
  types: Record<string, { url: string; title: string }[]> = {},
): Promise<NonNullable<Metadata["alternates"]>> {
  const [site, t] = await Promise.all([getPageSiteInfo(), getTranslations({ locale, namespace: "home" })]);
  return {
    canonical: absoluteUrl(site.origin, localeHref(locale, path)),
    languages: languageAlternates(path, site.origin),
    types: {
      "application/atom+xml": [{ url: absoluteUrl(site.origin, localeHref(locale, paths.feed)), title: `${site.organization.name}: ${t("title")}` }],
      ...types,
    },
  };
}

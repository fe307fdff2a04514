// The languages of the site and their URLs. The public site: German at the root URLs, English
// under /en (app/(site)/[locale], i18n/routing.ts). The newsroom (/admin) has no language in its
// URLs: it speaks the signed-in user's language (User.locale, chosen under "My account"; set
// from the browser at the first sign-in), and signing in speaks the browser's (browserLocale;
// lib/desk-i18n.ts). Every string the UI shows is in the message catalogues messages/de.json
// and messages/en.json, read through next-intl (getTranslations, useTranslations); what the
// domain layer says is a Message (lib/messages.ts), turned into text by the page.
//
// Content is never translated: claim texts, quotes and source titles keep their own language
// (`language` columns), and the newsroom's own texts (summaries, analyses, bios, correction
// notes) are in NEWSROOM_LANGUAGE. Pages mark both with `lang` attributes.
//
// Imported by proxy.ts and by client components (types): it must not import server-only
// modules at the top level (getLocale loads next-intl/server when it runs).
export type Locale = "de" | "en";
export const LOCALES: readonly Locale[] = ["de", "en"];
export const DEFAULT_LOCALE: Locale = "de";

/** The language the newsroom writes its own texts in (summaries, analyses, bios, notes). */
export const NEWSROOM_LANGUAGE = "de";

/** The cookie that remembers the reader's choice of language. */
export const LOCALE_COOKIE = "claimbase-locale";

/** The language tag dates and numbers are formatted in (lib/format.ts): German as in
 * Germany, English as in Britain ("11 November 2017", not the American "November 11, 2017"). */
export const FORMAT_LOCALE: Record<Locale, string> = { de: "de-DE", en: "en-GB" };

export function isLocale(value: unknown): value is Locale {
  return value === "de" || value === "en";
}

/** The language of the page being rendered (server only): the one its [locale] segment set
 * (i18n/page.ts pageLocale), the desk's on the newsroom's pages (lib/desk-i18n.ts), German
 * outside a request (scripts). */
export async function getLocale(): Promise<Locale> {
  // Loaded here, not at the top: client components import this module too.
  const { getLocale: localeOfRender } = await import("next-intl/server");
  try {
    const value = await localeOfRender();
    return value === "en" ? "en" : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE; // outside a request
  }
}

/** The locale of a public URL path and the path without its language prefix:
 * `/en/claims/x` → en, `/claims/x`; `/en` → en, `/`; `/claims/x` → de, `/claims/x`. */
export function splitLocale(path: string): { locale: Locale; path: string } {
  if (path === "/en" || path.startsWith("/en/") || path.startsWith("/en?")) {
    const rest = path.slice(3);
    return { locale: "en", path: rest === "" || rest.startsWith("?") ? `/${rest}` : rest };
  }
  return { locale: DEFAULT_LOCALE, path };
}

// Which paths are the public site's (lib/public-routes.mjs: next.config.js routes by them too).
export { isLocalizedPath } from "./public-routes.mjs";

/** Whether an Accept-Language header ranks English above German (quality, then order). */
export function prefersEnglish(acceptLanguage: string | null): boolean {
  if (!acceptLanguage) return false;
  const best: Record<Locale, { q: number; at: number }> = { de: { q: 0, at: Infinity }, en: { q: 0, at: Infinity } };
  acceptLanguage
    .split(",")
    .slice(0, 32)
    .forEach((part, at) => {
      const [tag = "", ...params] = part.trim().split(";");
      const language = tag.trim().toLowerCase().split("-")[0];
      if (!isLocale(language)) return;
      let q = 1;
      for (const param of params) {
        const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
        if (m) q = Number(m[1]);
      }
      if (q > best[language].q) best[language] = { q, at };
    });
  if (best.en.q === 0) return false;
  return best.en.q > best.de.q || (best.en.q === best.de.q && best.en.at < best.de.at);
}

/**
 * The language of a browser without an account's preference: the one it chose on the public
 * site (LOCALE_COOKIE), else English when its Accept-Language ranks English above German, else
 * German.
 */
export function browserLocale(acceptLanguage: string | null, cookie: string | null | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  return prefersEnglish(acceptLanguage) ? "en" : DEFAULT_LOCALE;
}

/** The URL of a public page in a language: `localeHref("en", "/claims/x")` is
 * `/en/claims/x`, `localeHref("en", "/")` is `/en`, German paths stay as they are. */
export function localeHref(locale: Locale, path: string): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  if (locale === DEFAULT_LOCALE) return clean;
  if (clean === "/") return "/en";
  if (clean.startsWith("/?") || clean.startsWith("/#")) return `/en${clean.slice(1)}`;
  return `/en${clean}`;
}

/** hreflang alternates of a public page (metadata `alternates.languages`), absolute when an
 * origin is given; x-default is the German URL (it redirects by the browser's language). */
export function languageAlternates(path: string, origin = ""): Record<string, string> {
  const base = origin.replace(/\/+$/, "");
  return {
    de: `${base}${localeHref("de", path)}`,
    en: `${base}${localeHref("en", path)}`,
    "x-default": `${base}${localeHref("de", path)}`,
  };
}

/** How a direct quote is shown: in the quotation marks of the page's language, „…“ or “…”
 * (catalogue namespace `quotation`; `marks` is its translator, from getTranslations). */
export function quoted(text: string, marks: (key: "open" | "close") => string): string {
  return `${marks("open")}${text}${marks("close")}`;
}

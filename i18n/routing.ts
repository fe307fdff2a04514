// The public site's languages, for next-intl: German at the root URLs (/claims/x), English
// under /en (/en/claims/x). The pages live under app/(site)/[locale]; proxy.ts maps the URLs
// onto that segment with next-intl's middleware.
//
// - No locale detection by next-intl: a German URL is German for everyone, so a shared cache
//   can store it. Only a reader landing on `/` is sent to `/en` when they chose English before
//   (cookie) or their browser prefers it (proxy.ts, lib/i18n prefersEnglish).
// - No cookie from next-intl: /lang remembers an explicit choice (LOCALE_COOKIE).
// - No `Link` response header: next-intl would build it from the request's Host; the pages
//   carry hreflang links built from CLAIMBASE_PUBLIC_URL.
import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["de", "en"],
  defaultLocale: "de",
  localePrefix: "as-needed",
  localeDetection: false,
  localeCookie: false,
  alternateLinks: false,
});

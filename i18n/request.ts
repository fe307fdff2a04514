// next-intl's configuration for each render: the locale the page set with setRequestLocale
// (i18n/page.ts; the URL's [locale] segment) or asked for (getTranslations({ locale })); else,
// on the newsroom's pages, which have no language in their URLs, the desk's language
// (lib/desk-i18n.ts: the signed-in user's preference, else the browser's); and that language's
// catalogue.
import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { NEWSROOM_TIME_ZONE } from "../lib/format";
import { routing } from "./routing";

/** The locale next-intl found for this render, if any. */
async function requested(requestLocale: Promise<string | undefined>): Promise<string | undefined> {
  try {
    return await requestLocale;
  } catch (error) {
    // Next.js's own signals (dynamic use while prerendering) carry a digest: they must go on.
    if (error !== null && typeof error === "object" && "digest" in error) throw error;
    // Outside a request (a page rendered by a test or a script) there is no header to read.
    return undefined;
  }
}

export default getRequestConfig(async ({ requestLocale }) => {
  const wanted = await requested(requestLocale);
  // Loaded only here: the public pages never need the session.
  const locale = hasLocale(routing.locales, wanted) ? wanted : await (await import("../lib/desk-i18n")).deskLocale();
  // Dates are the newsroom's (lib/format.ts), the same on the server and in the browser.
  return { locale, timeZone: NEWSROOM_TIME_ZONE, messages: (await import(`../messages/${locale}.json`)).default };
});

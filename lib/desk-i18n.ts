// The language of the newsroom's pages (app/(desk), app/(auth)) and the text of its Messages.
// The desk has no language in its URLs: a signed-in user's pages are in their language
// (User.locale, "My account"); without one (signing in, an account from before the preference
// existed) the browser's (lib/i18n.ts browserLocale: the public site's language cookie, else
// Accept-Language). i18n/request.ts asks deskLocale() whenever no [locale] segment set the
// language, so getTranslations(), getLocale() and the client's NextIntlClientProvider follow it.
//
// Server only (it reads the session and the request's headers).
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { getSessionAccount } from "./auth/session";
import { browserLocale, DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./i18n";
import { renderMessage, type Message, type Translate } from "./messages";

/** The browser's language for this request (DEFAULT_LOCALE outside a request). */
export async function requestBrowserLocale(): Promise<Locale> {
  try {
    const [h, c] = await Promise.all([headers(), cookies()]);
    return browserLocale(h.get("accept-language"), c.get(LOCALE_COOKIE)?.value);
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** The desk's language for this request: the signed-in account's, else the browser's. */
export const deskLocale = cache(async (): Promise<Locale> => {
  let preference: string | null = null;
  try {
    preference = (await getSessionAccount())?.locale ?? null;
  } catch {
    // Outside a request (a script, a test calling a page): no session.
  }
  return isLocale(preference) ? preference : requestBrowserLocale();
});

/** The desk's language as next-intl has it for this render (what deskLocale() chose). */
export async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** For server components: a Message as text in the page's language. */
export async function getMessageText(): Promise<(m: Message) => string> {
  const [t, locale] = await Promise.all([getTranslations(), currentLocale()]);
  return (m) => renderMessage(t as unknown as Translate, locale, m);
}

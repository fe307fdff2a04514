// The page around the newsroom and its sign-in (the root layouts of app/(desk) and
// app/(auth)): the site's name, a link to the public site, and the main region, in the desk's
// language (lib/desk-i18n.ts: the signed-in user's, else the browser's). The client
// components below get the catalogue's namespaces the desk uses (forms render the domain's
// Messages, lib/messages.ts).
import type { ReactNode } from "react";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { currentLocale } from "@/lib/desk-i18n";
import { NEWSROOM_TIME_ZONE } from "@/lib/format";
import { localeHref } from "@/lib/i18n";
import "@/app/globals.css";

/** The catalogue's namespaces that client components of the desk read: the domain's Messages
 * (msg, status, role, twoFactor, signIn), the error page, and the desk's client components. */
const CLIENT_NAMESPACES = ["error", "msg", "status", "role", "twoFactor", "signIn", "quotation"] as const;
const CLIENT_DESK = ["form", "passage", "similar", "importForm"] as const;

export async function DeskFrame({ children }: { children: ReactNode }) {
  const [locale, t, messages] = await Promise.all([currentLocale(), getTranslations(), getMessages()]);
  const client = {
    ...Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]])),
    desk: Object.fromEntries(CLIENT_DESK.map((ns) => [ns, messages.desk[ns]])),
  };
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("site.skipToContent")}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link href={localeHref(locale, "/")} className="site-name">
              {t("site.name")}
            </Link>
            <nav aria-label={t("site.mainNav")}>
              <ul className="site-nav">
                <li>
                  <Link href={localeHref(locale, "/")}>{t("nav.claims")}</Link>
                </li>
                <li>
                  <Link href="/admin">{t("nav.admin")}</Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="container">
          <NextIntlClientProvider locale={locale} messages={client} timeZone={NEWSROOM_TIME_ZONE}>
            {children}
          </NextIntlClientProvider>
        </main>
      </body>
    </html>
  );
}

// The page around the newsroom and its sign-in (the root layouts of app/(desk) and
// app/(auth)): the site's name, a link to the public site, and the main region. German, like
// the newsroom (issue 13 brings its English version).
import type { ReactNode } from "react";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import "@/app/globals.css";

export async function DeskFrame({ children }: { children: ReactNode }) {
  const t = await getTranslations({ locale: "de" });
  // Client components get only the messages they use (error.tsx).
  const { error } = await getMessages({ locale: "de" });
  return (
    <html lang="de">
      <body>
        <a className="skip-link" href="#main">
          {t("site.skipToContent")}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link href="/" className="site-name">
              {t("site.name")}
            </Link>
            <nav aria-label={t("site.mainNav")}>
              <ul className="site-nav">
                <li>
                  <Link href="/">{t("nav.claims")}</Link>
                </li>
                <li>
                  <Link href="/admin">{t("nav.admin")}</Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="container">
          <NextIntlClientProvider locale="de" messages={{ error }}>
            {children}
          </NextIntlClientProvider>
        </main>
      </body>
    </html>
  );
}

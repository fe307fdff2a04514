import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { getDictionary } from "@/lib/i18n";
import "./globals.css";

const t = getDictionary();

export const metadata: Metadata = {
  title: { default: t.site.name, template: `%s · ${t.site.name}` },
  description: t.site.tagline,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={t.locale}>
      <body>
        <a className="skip-link" href="#main">
          {t.site.skipToContent}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link href="/" className="site-name">
              {t.site.name}
            </Link>
            <nav aria-label={t.site.mainNav}>
              <ul className="site-nav">
                <li>
                  <Link href="/">{t.nav.claims}</Link>
                </li>
                <li>
                  <Link href="/signin">{t.nav.signIn}</Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">{t.site.footer}</div>
        </footer>
      </body>
    </html>
  );
}

import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Suspense } from "react";
import { headers } from "next/headers";
import Link from "next/link";
import { LanguageLink, LanguageSwitch } from "@/components/LanguageSwitch";
import { PATH_HEADER, getDictionary, getLocale, languageAlternates, localeHref } from "@/lib/i18n";
import { feedAlternate, getPageSiteInfo } from "@/lib/site";
import "./globals.css";

/** The page's path without language prefix, as proxy.ts saw it; null outside the bilingual
 * public site (newsroom, sign-in), which has no English version. */
async function publicPath(): Promise<string | null> {
  return (await headers()).get(PATH_HEADER);
}

export async function generateMetadata(): Promise<Metadata> {
  const t = getDictionary(await getLocale());
  const path = await publicPath();
  const metadata: Metadata = {
    title: { default: t.site.name, template: `%s · ${t.site.name}` },
    description: t.site.tagline,
  };
  // hreflang links to both language versions. A page that sets its own `alternates` (the claim
  // page's canonical) must repeat `languages` and `types` there: metadata merges top-level keys only.
  // Every public page announces the Atom feed to feed readers.
  if (path !== null) {
    const site = await getPageSiteInfo();
    metadata.alternates = { languages: languageAlternates(path, site.origin), types: feedAlternate(site, t.home.title) };
  }
  return metadata;
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = getDictionary(locale);
  const path = await publicPath();
  const other = locale === "de" ? "en" : "de";
  const href = (p: string) => localeHref(locale, p);

  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t.site.skipToContent}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link href={href("/")} className="site-name">
              {t.site.name}
            </Link>
            <nav aria-label={t.site.mainNav}>
              <ul className="site-nav">
                <li>
                  <Link href={href("/")}>{t.nav.claims}</Link>
                </li>
                <li>
                  <Link href={href("/topics")}>{t.nav.topics}</Link>
                </li>
                <li>
                  <Link href={href("/methodology")}>{t.nav.methodology}</Link>
                </li>
                <li>
                  <Link href={href("/search")}>{t.nav.search}</Link>
                </li>
                <li>
                  <Link href="/signin" hrefLang={locale === "en" ? "de" : undefined}>
                    {t.nav.signIn}
                  </Link>
                </li>
                {path !== null ? (
                  <li className="site-nav__language">
                    <span className="visually-hidden">{t.site.languageSwitch}: </span>
                    <Suspense fallback={<LanguageLink to={other} path={path} label={getDictionary(other).languageName} />}>
                      <LanguageSwitch to={other} path={path} label={getDictionary(other).languageName} />
                    </Suspense>
                  </li>
                ) : null}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <nav aria-label={t.site.footerNav}>
              <ul className="footer-nav">
                <li>
                  <Link href={href("/methodology")}>{t.nav.methodology}</Link>
                </li>
                <li>
                  <Link href={href("/corrections")}>{t.nav.corrections}</Link>
                </li>
                <li>
                  <Link href={href("/topics")}>{t.nav.topics}</Link>
                </li>
              </ul>
            </nav>
            <p>{t.site.footer}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

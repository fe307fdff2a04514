// The public site's root layout, in the language of the URL ([locale]: German at /…, English
// at /en/…; proxy.ts and i18n/routing.ts). It reads no request header, so that every page
// below it but search is prerendered and served from Next.js's cache (docs/caching.md).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Suspense } from "react";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { LanguageLinkOfRoute, LanguageSwitch } from "@/components/LanguageSwitch";
import { noPagesAtBuildTime, pageLocale, type LocaleParams } from "@/i18n/page";
import { NEWSROOM_TIME_ZONE } from "@/lib/format";
import { localeHref } from "@/lib/i18n";
import "../../globals.css";

type Props = { children: ReactNode; params: Promise<LocaleParams> };

export const generateStaticParams = noPagesAtBuildTime;

export async function generateMetadata({ params }: { params: Promise<LocaleParams> }): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "site" });
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("tagline"),
  };
}

export default async function SiteLayout({ children, params }: Props) {
  const locale = await pageLocale(params);
  const other = locale === "de" ? "en" : "de";
  const [t, otherSite] = await Promise.all([getTranslations({ locale }), getTranslations({ locale: other, namespace: "site" })]);
  // The switch names the other language in that language ("English", "Deutsch").
  const otherName = otherSite("languageName");
  const href = (p: string) => localeHref(locale, p);
  // Client components get only the messages they use (error.tsx), not the whole catalogue.
  const { error } = await getMessages({ locale });

  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("site.skipToContent")}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link href={href("/")} className="site-name">
              {t("site.name")}
            </Link>
            <nav aria-label={t("site.mainNav")}>
              <ul className="site-nav">
                <li>
                  <Link href={href("/")}>{t("nav.claims")}</Link>
                </li>
                <li>
                  <Link href={href("/topics")}>{t("nav.topics")}</Link>
                </li>
                <li>
                  <Link href={href("/methodology")}>{t("nav.methodology")}</Link>
                </li>
                <li>
                  <Link href={href("/search")}>{t("nav.search")}</Link>
                </li>
                <li>
                  <Link href="/signin" hrefLang={locale === "en" ? "de" : undefined}>
                    {t("nav.signIn")}
                  </Link>
                </li>
                <li className="site-nav__language">
                  <span className="visually-hidden">{t("site.languageSwitch")}: </span>
                  <Suspense fallback={<LanguageLinkOfRoute to={other} label={otherName} />}>
                    <LanguageSwitch to={other} label={otherName} />
                  </Suspense>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="container">
          <NextIntlClientProvider locale={locale} messages={{ error }} timeZone={NEWSROOM_TIME_ZONE}>{children}</NextIntlClientProvider>
        </main>
        <footer className="site-footer">
          <div className="container">
            <nav aria-label={t("site.footerNav")}>
              <ul className="footer-nav">
                <li>
                  <Link href={href("/methodology")}>{t("nav.methodology")}</Link>
                </li>
                <li>
                  <Link href={href("/corrections")}>{t("nav.corrections")}</Link>
                </li>
                <li>
                  <Link href={href("/topics")}>{t("nav.topics")}</Link>
                </li>
              </ul>
            </nav>
            <p>{t("site.footer")}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

// A URL outside every part of the site (the public pages under a language have their own
// not-found page, as have the newsroom and embeds): a plain page in German, the default
// language, with a link home. Needs no layout (next.config.js experimental.globalNotFound).
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import "./globals.css";

export const metadata: Metadata = { title: "Claimbase", robots: { index: false } };

export default async function GlobalNotFound() {
  const t = await getTranslations({ locale: "de", namespace: "notFound" });
  return (
    <html lang="de">
      <body>
        <main id="main" className="container">
          <h1>{t("title")}</h1>
          <p>{t("text")}</p>
          <p>
            <Link href="/">{t("home")}</Link>
          </p>
        </main>
      </body>
    </html>
  );
}

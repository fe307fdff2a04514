// A URL outside every part of the site (the public pages under a language have their own
// not-found page, as have the newsroom and embeds): a plain page in German, the default
// language, with a link home. Needs no layout (next.config.js experimental.globalNotFound).
import type { Metadata } from "next";
import Link from "next/link";
import { getDictionary } from "@/lib/i18n";
import "./globals.css";

export const metadata: Metadata = { title: "Claimbase", robots: { index: false } };

export default function GlobalNotFound() {
  const t = getDictionary("de");
  return (
    <html lang="de">
      <body>
        <main id="main" className="container">
          <h1>{t.notFound.title}</h1>
          <p>{t.notFound.text}</p>
          <p>
            <Link href="/">{t.notFound.home}</Link>
          </p>
        </main>
      </body>
    </html>
  );
}

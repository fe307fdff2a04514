// A source in one line: title (linked when it has a web address), publisher, author, date.
import { getTranslations } from "next-intl/server";
import type { Locale } from "../lib/i18n";
import type { PublicSource } from "../lib/public";
import { safeHref } from "../lib/markdown";
import { DateText } from "./DateText";

export async function SourceLine({ source, locale }: { source: PublicSource; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "claim" });
  const href = source.url ? safeHref(source.url) : null;
  const external = href !== null && /^https?:/i.test(href);
  return (
    <p className="source-line">
      <span className="visually-hidden">{t("source")}: </span>
      {href && external ? (
        <a href={href} rel="noopener noreferrer nofollow" hrefLang={source.language || undefined} lang={source.language || undefined}>
          {source.title}
        </a>
      ) : (
        <cite lang={source.language || undefined}>{source.title}</cite>
      )}
      {source.publisher ? <>, {source.publisher}</> : null}
      {source.author ? <>, {source.author}</> : null}
      {source.publishedAt ? (
        <>
          , <DateText date={source.publishedAt} locale={locale} />
        </>
      ) : null}
    </p>
  );
}

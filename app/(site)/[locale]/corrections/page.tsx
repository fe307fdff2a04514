import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateText } from "@/components/DateText";
import { Markdown } from "@/components/Markdown";
import { Pagination } from "@/components/Pagination";
import { pageLocale, publicAlternates, type LocaleParams } from "@/i18n/page";
import { NEWSROOM_LANGUAGE, localeHref } from "@/lib/i18n";
import { pageNumber } from "@/lib/paged-routes";
import { listPublicCorrections } from "@/lib/public/cached";

const PAGE_SIZE = 20;

// Later pages (`?page=N`) are rendered by the route p/[page] (lib/paged-routes.ts).
type Props = { params: Promise<LocaleParams & { page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "corrections" });
  const page = pageNumber((await params).page);
  return {
    title: t("title"),
    description: t("intro"),
    alternates: await publicAlternates(locale, page > 1 ? `/corrections?page=${page}` : "/corrections"),
  };
}

export default async function CorrectionsPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "corrections" });
  const page = pageNumber((await params).page);
  const result = await listPublicCorrections({ page, pageSize: PAGE_SIZE });

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {result.total === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : result.items.length === 0 ? (
        <p className="empty">
          {t("emptyPage")} <Link href={localeHref(locale, "/corrections")}>{t("backToFirst")}</Link>
        </p>
      ) : (
        <ul className="item-list correction-list">
          {result.items.map((c, i) => (
            <li key={i}>
              <article aria-labelledby={`correction-${i}`}>
                <h2 id={`correction-${i}`} className="correction-title">
                  <span className={`correction-kind correction-kind--${c.kind}`}>{t(`kind.${c.kind}`)}</span>{" "}
                  {t("of")}{" "}
                  <Link href={localeHref(locale, `/claims/${encodeURIComponent(c.claim.slug)}#corrections`)} lang={c.claim.language}>
                    {c.claim.text}
                  </Link>
                </h2>
                <p className="source-line">
                  <DateText date={c.publishedAt} locale={locale} />
                </p>
                <Markdown source={c.note} lang={NEWSROOM_LANGUAGE} />
              </article>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={result.pageCount}
        href={(n) => localeHref(locale, n <= 1 ? "/corrections" : `/corrections?page=${n}`)}
        locale={locale}
      />
    </>
  );
}

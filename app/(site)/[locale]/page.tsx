import Link from "next/link";
import { ClaimCard } from "@/components/ClaimCard";
import { Pagination } from "@/components/Pagination";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageLocale, publicAlternates, type LocaleParams } from "@/i18n/page";
import { localeHref } from "@/lib/i18n";
import { collator } from "@/lib/format";
import { pageNumber } from "@/lib/paged-routes";
import { listPublicTopics, listPublishedClaims } from "@/lib/public/cached";

const PAGE_SIZE = 20;

// Page 1 at `/`; later pages at `/?page=N`, rendered by the route p/[page] (lib/paged-routes.ts).
type Props = { params: Promise<LocaleParams & { page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const page = pageNumber((await params).page);
  return { alternates: await publicAlternates(locale, page > 1 ? `/?page=${page}` : "/") };
}

export default async function HomePage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale });
  const page = pageNumber((await params).page);
  const [result, topics] = await Promise.all([listPublishedClaims({ page, pageSize: PAGE_SIZE }), listPublicTopics()]);
  const byName = collator(locale);
  const topicName = (topic: { nameDe: string; nameEn: string }) => (locale === "en" ? topic.nameEn : topic.nameDe);

  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      {result.total === 0 ? (
        <p className="empty">{t("home.empty")}</p>
      ) : result.items.length === 0 ? (
        <p className="empty">
          {t("home.emptyPage")} <Link href={localeHref(locale, "/")}>{t("home.backToFirst")}</Link>
        </p>
      ) : (
        <ul className="claim-list">
          {result.items.map((claim) => (
            <li key={claim.slug}>
              <ClaimCard claim={claim} locale={locale} />
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={result.pageCount}
        href={(n) => localeHref(locale, n <= 1 ? "/" : `/?page=${n}`)}
        locale={locale}
      />
      {topics.length ? (
        <section aria-labelledby="topics-heading" className="home-topics">
          <h2 id="topics-heading">{t("home.topics")}</h2>
          <ul className="topic-links">
            {[...topics]
              .sort((a, b) => byName.compare(topicName(a), topicName(b)))
              .map((topic) => (
                <li key={topic.slug}>
                  <Link href={localeHref(locale, `/topics/${encodeURIComponent(topic.slug)}`)}>{topicName(topic)}</Link>{" "}
                  <span className="muted">({t("topics.claimCount", { count: topic.claimCount })})</span>
                </li>
              ))}
          </ul>
          <p>
            <Link href={localeHref(locale, "/topics")}>{t("home.allTopics")}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}

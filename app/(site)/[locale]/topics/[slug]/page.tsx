import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { ClaimCard } from "@/components/ClaimCard";
import { Pagination } from "@/components/Pagination";
import { formatNumber } from "@/lib/format";
import { TopicDescription, localizedTopic } from "@/components/TopicText";
import { noPagesAtBuildTime, pageLocale, publicAlternates, type LocaleParams } from "@/i18n/page";
import { localeHref } from "@/lib/i18n";
import { pageNumber } from "@/lib/paged-routes";
import { getPublicTopic } from "@/lib/public/cached";

const PAGE_SIZE = 20;

// Later pages (`?page=N`) are rendered by the route p/[page] (lib/paged-routes.ts).
type Props = { params: Promise<LocaleParams & { slug: string; page?: string }> };

export const generateStaticParams = noPagesAtBuildTime;

const loadTopic = cache((slug: string, page: number) => getPublicTopic(slug, { page, pageSize: PAGE_SIZE }));

async function load({ params }: Props) {
  const { slug, page: pageParam } = await params;
  const page = pageNumber(pageParam);
  return { slug, page, data: await loadTopic(slug, page) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const locale = await pageLocale(props.params);
  const { slug, page, data } = await load(props);
  if (!data) return {};
  const { name, description } = localizedTopic(data.topic, locale);
  const path = `/topics/${encodeURIComponent(slug)}${page > 1 ? `?page=${page}` : ""}`;
  return { title: name, description: description?.text, alternates: await publicAlternates(locale, path) };
}

export default async function TopicPage(props: Props) {
  const locale = await pageLocale(props.params);
  const t = await getTranslations({ locale, namespace: "topics" });
  const tPages = await getTranslations({ locale, namespace: "pagination" });
  const { slug, page, data } = await load(props);
  if (!data) notFound();
  const topic = localizedTopic(data.topic, locale);
  const { claims } = data;
  const base = `/topics/${encodeURIComponent(slug)}`;

  return (
    <>
      <p className="muted">
        <Link href={localeHref(locale, "/topics")}>{t("allTopics")}</Link>
      </p>
      <h1>{topic.name}</h1>
      <TopicDescription topic={topic} className="lead" />
      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">
          {/* Above the exact count's limit the total is the planner's estimate: "about". */}
          {t("claims")} ({claims.estimated ? tPages("about", { count: claims.total }) : formatNumber(claims.total, locale)})
        </h2>
        {claims.items.length === 0 ? (
          <p className="empty">
            {t("emptyPage")} <Link href={localeHref(locale, base)}>{t("backToFirst")}</Link>
          </p>
        ) : (
          <ul className="claim-list">
            {claims.items.map((claim) => (
              <li key={claim.slug}>
                <ClaimCard claim={claim} locale={locale} headingLevel={3} />
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={page}
          pageCount={claims.pageCount}
          href={(n) => localeHref(locale, n <= 1 ? base : `${base}?page=${n}`)}
          locale={locale}
        />
      </section>
    </>
  );
}

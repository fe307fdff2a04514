import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClaimCard } from "@/components/ClaimCard";
import { Pagination } from "@/components/Pagination";
import { formatNumber } from "@/lib/format";
import { TopicDescription, localizedTopic } from "@/components/TopicText";
import { getDictionary, getLocale, localeHref } from "@/lib/i18n";
import { getPublicTopic, parsePageNumber } from "@/lib/public/cached";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadTopic = cache((slug: string, page: number) => getPublicTopic(slug, { page, pageSize: PAGE_SIZE }));

async function load({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const page = parsePageNumber(query.page);
  return { slug, page, data: await loadTopic(slug, page) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { data } = await load(props);
  if (!data) return {};
  const { name, description } = localizedTopic(data.topic, await getLocale());
  return { title: name, description: description?.text };
}

export default async function TopicPage(props: Props) {
  const locale = await getLocale();
  const t = getDictionary(locale);
  const { slug, page, data } = await load(props);
  if (!data) notFound();
  const topic = localizedTopic(data.topic, locale);
  const { claims } = data;
  const base = `/topics/${encodeURIComponent(slug)}`;

  return (
    <>
      <p className="muted">
        <Link href={localeHref(locale, "/topics")}>{t.topics.allTopics}</Link>
      </p>
      <h1>{topic.name}</h1>
      <TopicDescription topic={topic} className="lead" />
      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">
          {t.topics.claims} ({formatNumber(claims.total, t)})
        </h2>
        {claims.items.length === 0 ? (
          <p className="empty">
            {t.topics.emptyPage} <Link href={localeHref(locale, base)}>{t.topics.backToFirst}</Link>
          </p>
        ) : (
          <ul className="claim-list">
            {claims.items.map((claim) => (
              <li key={claim.slug}>
                <ClaimCard claim={claim} dict={t} headingLevel={3} />
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={page}
          pageCount={claims.pageCount}
          href={(n) => localeHref(locale, n <= 1 ? base : `${base}?page=${n}`)}
          dict={t}
        />
      </section>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { requirePermission } from "@/lib/auth/session";
import { choice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";
import { listTopics, TOPIC_SORTS } from "@/lib/editorial/taxonomy";
import { currentLocale } from "@/lib/desk-i18n";
import { formatNumber } from "@/lib/format";
import { createTopicAction } from "./actions";
import { TopicFields } from "./TopicFields";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.topics");
  return { title: t("title") };
}

const PATH = "/admin/topics";

export default async function TopicsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission("taxonomy.manage", PATH);
  const params = await searchParams;
  const q = param(params, "q");
  const sort = choice(params, "sort", TOPIC_SORTS);
  const [page, t, tl, locale] = await Promise.all([
    listTopics({ q, sort, page: pageParam(params) }),
    getTranslations("desk.topics"),
    getTranslations("desk.list"),
    currentLocale(),
  ]);

  return (
    <>
      <h1>{t("title")}</h1>
      <ListFilters
        action={PATH}
        label={t("filter")}
        idPrefix="topics"
        filtered={q !== undefined}
        resetLabel={t("reset")}
        fields={[
          { name: "q", label: t("search"), type: "search", value: q },
          { name: "sort", label: tl("sort"), value: sort, options: TOPIC_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) })) },
        ]}
      />

      <ListResults path={PATH} params={params} result={page} empty={q ? t("emptyFiltered") : t("empty")} scrollLabel={t("title")}>
        <table className="admin-table">
          <caption className="visually-hidden">{t("caption", { count: page.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("nameDe")}</th>
              <th scope="col">{t("nameEn")}</th>
              <th scope="col">{t("slug")}</th>
              <th scope="col" className="number">
                {t("claims")}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((topic) => (
              <tr key={topic.id}>
                <td>
                  <Link href={`/admin/topics/${topic.id}`} lang="de">
                    {topic.nameDe}
                  </Link>
                </td>
                <td lang="en">{topic.nameEn}</td>
                <td>
                  <code>{topic.slug}</code>
                </td>
                <td className="number">{formatNumber(topic.claimCount, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListResults>

      <section aria-labelledby="new-topic-heading">
        <h2 id="new-topic-heading">{t("new")}</h2>
        <ActionForm action={createTopicAction} submitLabel={t("create")} resetOnSuccess>
          <TopicFields />
        </ActionForm>
      </section>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { Moment } from "@/components/admin/Moment";
import { PageHeader } from "@/components/admin/PageHeader";
import { QuickFilters } from "@/components/admin/QuickFilters";
import { SortHeader, type Sorting } from "@/components/admin/SortHeader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { ARTICLE_SORTING, ARTICLE_STATUSES, listArticles, type ArticleSort } from "@/lib/editorial/articles";
import { listHref, optionalChoice, pageParam, param, sortParam, sortQuery, type SearchParams } from "@/lib/editorial/listing";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.articles");
  return { title: t("title") };
}

const PATH = "/admin/articles";

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("desk.view", PATH);
  const params = await searchParams;
  const q = param(params, "q");
  const status = optionalChoice(params, "status", ARTICLE_STATUSES);
  // "me": the articles the viewer ingested.
  const author = optionalChoice(params, "author", ["me"] as const);
  const order = sortParam(params, ARTICLE_SORTING);
  const page = pageParam(params);
  const [result, t, tl] = await Promise.all([
    listArticles({ q, status, createdById: author ? user.id : undefined, ...order, page }),
    getTranslations("desk.articles"),
    getTranslations("desk.list"),
  ]);
  const filtered = q !== undefined || status !== undefined || author !== undefined;
  const sorting: Sorting<ArticleSort> = { path: PATH, params, current: order, columns: ARTICLE_SORTING };
  const quick = (value: string | undefined) => listHref(PATH, params, { author: value, page: undefined });

  return (
    <>
      <PageHeader
        title={t("title")}
        newLink={can(user.role, "record.edit") ? { href: "/admin/articles/new", label: t("ingest") } : undefined}
      />
      <p className="muted">{t("intro")}</p>

      <QuickFilters
        label={t("quick.label")}
        filters={[
          { href: quick(undefined), label: t("quick.all"), current: !author },
          { href: quick("me"), label: t("quick.mine"), current: author === "me" },
        ]}
      />

      <ListFilters
        action={PATH}
        label={t("filter")}
        filtered={filtered}
        hidden={sortQuery(order, ARTICLE_SORTING)}
        keep={author ? { author } : {}}
        fields={[
          { name: "q", label: t("search"), type: "search", value: q },
          { name: "status", label: t("status"), emptyLabel: tl("all"), value: status, options: ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`statusName.${s}`) })) },
        ]}
      />

      <ListResults
        path={PATH}
        params={params}
        result={result}
        count={(count) => t("count", { count })}
        filtered={filtered}
        empty={
          filtered ? (
            t("emptyFiltered")
          ) : (
            <>
              {t("empty")} {can(user.role, "record.edit") && <Link href="/admin/articles/new">{t("ingestFirst")}</Link>}
            </>
          )
        }
        firstPageLink
      >
        <table className="admin-table">
          <caption className="visually-hidden">{t("caption", { page: result.page })}</caption>
          <thead>
            <tr>
              <SortHeader sorting={sorting} column="title">
                {t("titleColumn")}
              </SortHeader>
              <SortHeader sorting={sorting} column="publisher">
                {t("publisher")}
              </SortHeader>
              <SortHeader sorting={sorting} column="created">
                {t("ingested")}
              </SortHeader>
              <SortHeader sorting={sorting} column="status">
                {t("status")}
              </SortHeader>
              <th scope="col" className="number">
                {t("open")}
              </th>
              <th scope="col" className="number">
                {t("accepted")}
              </th>
              <th scope="col" className="number">
                {t("rejected")}
              </th>
              <th scope="col">{t("source")}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  {a.title ? (
                    <Link href={`/admin/articles/${a.id}`} translate="no">
                      {a.title}
                    </Link>
                  ) : (
                    <Link href={`/admin/articles/${a.id}`}>{t("untitled")}</Link>
                  )}
                </th>
                <td>{a.publisher ?? "–"}</td>
                <td>
                  <Moment date={a.createdAt} />
                  {a.createdBy ? ` · ${a.createdBy.name}` : ""}
                </td>
                <td>{t(`statusName.${a.status}`)}</td>
                <td className="number">{a.candidates.proposed}</td>
                <td className="number">{a.candidates.accepted}</td>
                <td className="number">{a.candidates.rejected}</td>
                <td>{a.sourceId ? <Link href={`/admin/sources/${a.sourceId}`}>{t("source")}</Link> : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListResults>
    </>
  );
}

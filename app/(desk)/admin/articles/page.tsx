import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { Moment } from "@/components/admin/Moment";
import { PageHeader } from "@/components/admin/PageHeader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { ARTICLE_STATUSES, listArticles } from "@/lib/editorial/articles";
import { optionalChoice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";

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
  const page = pageParam(params);
  const [result, t, tl] = await Promise.all([listArticles({ q, status, page }), getTranslations("desk.articles"), getTranslations("desk.list")]);
  const filtered = q !== undefined || status !== undefined;

  return (
    <>
      <PageHeader
        title={t("title")}
        newLink={can(user.role, "record.edit") ? { href: "/admin/articles/new", label: t("ingest") } : undefined}
      />
      <p className="muted">{t("intro")}</p>

      <ListFilters
        action={PATH}
        label={t("filter")}
        filtered={filtered}
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
              <th scope="col">{t("titleColumn")}</th>
              <th scope="col">{t("publisher")}</th>
              <th scope="col">{t("ingested")}</th>
              <th scope="col">{t("status")}</th>
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

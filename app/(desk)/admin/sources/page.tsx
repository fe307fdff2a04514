import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { Moment } from "@/components/admin/Moment";
import { PageHeader } from "@/components/admin/PageHeader";
import { SortHeader, type Sorting } from "@/components/admin/SortHeader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentLocale } from "@/lib/desk-i18n";
import { SOURCE_KINDS, SOURCE_SORTING, listSources, type SourceSort } from "@/lib/editorial/sources";
import { optionalChoice, pageParam, param, sortParam, sortQuery, type SearchParams } from "@/lib/editorial/listing";
import { formatDay } from "@/lib/messages";
import { formatNumber } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.sources");
  return { title: t("title") };
}

const PATH = "/admin/sources";

export default async function SourcesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("desk.view", PATH);
  const params = await searchParams;
  const q = param(params, "q");
  const kind = optionalChoice(params, "kind", SOURCE_KINDS);
  const order = sortParam(params, SOURCE_SORTING);
  const page = pageParam(params);
  const [result, t, tl, kindName, locale] = await Promise.all([
    listSources({ q, kind, ...order, page }),
    getTranslations("desk.sources"),
    getTranslations("desk.list"),
    getTranslations("desk.sourceKind"),
    currentLocale(),
  ]);
  const filtered = q !== undefined || kind !== undefined;
  const sorting: Sorting<SourceSort> = { path: PATH, params, current: order, columns: SOURCE_SORTING };

  return (
    <>
      <PageHeader
        title={t("title")}
        newLink={can(user.role, "record.edit") ? { href: "/admin/sources/new", label: t("new") } : undefined}
        notice={param(params, "geloescht") && t("deleted")}
      />

      <ListFilters
        action={PATH}
        label={t("filter")}
        filtered={filtered}
        hidden={sortQuery(order, SOURCE_SORTING)}
        fields={[
          { name: "q", label: t("search"), type: "search", value: q },
          { name: "kind", label: t("kind"), emptyLabel: tl("all"), value: kind, options: SOURCE_KINDS.map((k) => ({ value: k, label: kindName(k) })) },
        ]}
      />

      <ListResults
        path={PATH}
        params={params}
        result={result}
        count={(count) => t("count", { count })}
        filtered={filtered}
        empty={filtered ? t("emptyFiltered") : t("empty")}
        firstPageLink
      >
        <table className="admin-table">
          <caption className="visually-hidden">{t("caption", { page: result.page })}</caption>
          <thead>
            <tr>
              <SortHeader sorting={sorting} column="title">
                {t("titleColumn")}
              </SortHeader>
              <SortHeader sorting={sorting} column="kind">
                {t("kind")}
              </SortHeader>
              <SortHeader sorting={sorting} column="publisher">
                {t("publisher")}
              </SortHeader>
              <SortHeader sorting={sorting} column="published">
                {t("published")}
              </SortHeader>
              <th scope="col">{t("text")}</th>
              <th scope="col" className="number">
                {t("references")}
              </th>
              <SortHeader sorting={sorting} column="updated">
                {t("changed")}
              </SortHeader>
            </tr>
          </thead>
          <tbody>
            {result.items.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link href={`/admin/sources/${s.id}`} translate="no">
                    {s.title}
                  </Link>
                </th>
                <td>{kindName(s.kind)}</td>
                <td>{s.publisher ? <span translate="no">{s.publisher}</span> : "–"}</td>
                <td>{s.publishedAt ? <time dateTime={s.publishedAt.toISOString()}>{formatDay(s.publishedAt, locale)}</time> : "–"}</td>
                <td>{s.contentHash ? t("textStored") : t("textMissing")}</td>
                <td className="number">{formatNumber(s._count.appearances + s._count.passages + s._count.evidence, locale)}</td>
                <td>
                  <Moment date={s.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListResults>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { PageHeader } from "@/components/admin/PageHeader";
import { SortHeader, type Sorting } from "@/components/admin/SortHeader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentLocale } from "@/lib/desk-i18n";
import { SPEAKER_KINDS, SPEAKER_SORTING, listSpeakers, type SpeakerSort } from "@/lib/editorial/speakers";
import { optionalChoice, pageParam, param, sortParam, sortQuery, type SearchParams } from "@/lib/editorial/listing";
import { formatDay } from "@/lib/messages";
import { formatNumber } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.speakers");
  return { title: t("title") };
}

const PATH = "/admin/speakers";

export default async function SpeakersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("desk.view", PATH);
  const params = await searchParams;
  const q = param(params, "q");
  const kind = optionalChoice(params, "kind", SPEAKER_KINDS);
  const order = sortParam(params, SPEAKER_SORTING);
  const page = pageParam(params);
  const [result, t, tl, kindName, locale] = await Promise.all([
    listSpeakers({ q, kind, ...order, page }),
    getTranslations("desk.speakers"),
    getTranslations("desk.list"),
    getTranslations("desk.speakerKind"),
    currentLocale(),
  ]);
  const filtered = q !== undefined || kind !== undefined;
  const sorting: Sorting<SpeakerSort> = { path: PATH, params, current: order, columns: SPEAKER_SORTING };

  return (
    <>
      <PageHeader
        title={t("title")}
        newLink={can(user.role, "record.edit") ? { href: "/admin/speakers/new", label: t("new") } : undefined}
        notice={param(params, "geloescht") && t("deleted")}
      />

      <ListFilters
        action={PATH}
        label={t("filter")}
        filtered={filtered}
        hidden={sortQuery(order, SPEAKER_SORTING)}
        fields={[
          { name: "q", label: t("search"), type: "search", value: q },
          { name: "kind", label: t("kind"), emptyLabel: tl("all"), value: kind, options: SPEAKER_KINDS.map((k) => ({ value: k, label: kindName(k) })) },
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
              <SortHeader sorting={sorting} column="name">
                {t("name")}
              </SortHeader>
              <SortHeader sorting={sorting} column="kind">
                {t("kind")}
              </SortHeader>
              <th scope="col">{t("aliases")}</th>
              <SortHeader sorting={sorting} column="quotes" className="number">
                {t("quotes")}
              </SortHeader>
              <SortHeader sorting={sorting} column="claims" className="number">
                {t("claims")}
              </SortHeader>
              <SortHeader sorting={sorting} column="updated">
                {t("changed")}
              </SortHeader>
            </tr>
          </thead>
          <tbody>
            {result.items.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link href={`/admin/speakers/${s.id}`} translate="no">
                    {s.name}
                  </Link>
                </th>
                <td>{kindName(s.kind)}</td>
                <td translate="no">{s.aliases.map((a) => a.alias).join(", ") || "–"}</td>
                <td className="number">
                  {s._count.quotes > 0 ? <Link href={`/admin/quotes?speaker=${s.id}`}>{formatNumber(s._count.quotes, locale)}</Link> : 0}
                </td>
                <td className="number">{formatNumber(s._count.claims, locale)}</td>
                <td>
                  <time dateTime={s.updatedAt.toISOString()}>{formatDay(s.updatedAt, locale)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListResults>
    </>
  );
}

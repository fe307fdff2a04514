import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { PageHeader } from "@/components/admin/PageHeader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { SOURCE_KIND_LABELS, SOURCE_KINDS, SOURCE_SORTS, listSources } from "@/lib/editorial/sources";
import { choice, optionalChoice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Quellen" };

const PATH = "/admin/sources";

export default async function SourcesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("desk.view", PATH);
  const params = await searchParams;
  const q = param(params, "q");
  const kind = optionalChoice(params, "kind", SOURCE_KINDS);
  const sort = choice(params, "sort", SOURCE_SORTS);
  const page = pageParam(params);
  const result = await listSources({ q, kind, sort, page });
  const filtered = q !== undefined || kind !== undefined;

  return (
    <>
      <PageHeader
        title="Quellen"
        newLink={can(user.role, "record.edit") ? { href: "/admin/sources/new", label: "Neue Quelle" } : undefined}
        notice={param(params, "geloescht") && "Die Quelle wurde gelöscht."}
      />

      <ListFilters
        action={PATH}
        label="Quellen suchen und filtern"
        filtered={filtered}
        fields={[
          { name: "q", label: "Suche (Titel, Herausgeber, URL)", type: "search", value: q },
          { name: "kind", label: "Art", emptyLabel: "alle", value: kind, options: SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] })) },
          {
            name: "sort",
            label: "Sortierung",
            emptyLabel: "zuletzt geändert",
            value: sort === "updated" ? undefined : sort,
            options: [
              { value: "title", label: "nach Titel" },
              { value: "published", label: "nach Veröffentlichung (neueste zuerst)" },
            ],
          },
        ]}
      />

      <ListResults
        path={PATH}
        params={params}
        result={result}
        count={{ one: "Quelle", many: "Quellen" }}
        filtered={filtered}
        empty={filtered ? "Keine Quellen passen zu dieser Suche." : "Noch keine Quellen."}
        firstPageLink
      >
        <table className="admin-table">
          <caption className="visually-hidden">Quellen, Seite {result.page}</caption>
          <thead>
            <tr>
              <th scope="col">Titel</th>
              <th scope="col">Art</th>
              <th scope="col">Herausgeber</th>
              <th scope="col">Veröffentlicht</th>
              <th scope="col">Text</th>
              <th scope="col" className="number">
                Verweise
              </th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link href={`/admin/sources/${s.id}`}>{s.title}</Link>
                </th>
                <td>{SOURCE_KIND_LABELS[s.kind]}</td>
                <td>{s.publisher ?? "–"}</td>
                <td>
                  {s.publishedAt ? (
                    <time dateTime={s.publishedAt.toISOString()}>{s.publishedAt.toLocaleDateString("de-DE", { timeZone: "Europe/Berlin" })}</time>
                  ) : (
                    "–"
                  )}
                </td>
                <td>{s.contentHash ? "gespeichert" : "fehlt"}</td>
                <td className="number">{s._count.appearances + s._count.passages + s._count.evidence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListResults>
    </>
  );
}

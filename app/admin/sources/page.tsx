import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/Pagination";
import { Select, TextField } from "@/components/admin/Fields";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { SOURCE_KIND_LABELS, SOURCE_KINDS, SOURCE_SORTS, listSources } from "@/lib/editorial/sources";
import { choice, listHref, optionalChoice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";
import { getDictionary } from "@/lib/i18n";
import "../editorial.css";

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
      <div className="admin-page-header">
        <h1>Quellen</h1>
        {can(user.role, "record.edit") && (
          <Link className="button" href="/admin/sources/new">
            Neue Quelle
          </Link>
        )}
      </div>
      {param(params, "geloescht") && (
        <p className="admin-notice" role="status">
          Die Quelle wurde gelöscht.
        </p>
      )}

      <form method="get" action={PATH} className="list-controls" role="search" aria-label="Quellen suchen und filtern">
        <TextField name="q" label="Suche (Titel, Herausgeber, URL)" type="search" defaultValue={q} />
        <Select
          name="kind"
          label="Art"
          emptyLabel="alle"
          defaultValue={kind}
          options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] }))}
        />
        <Select
          name="sort"
          label="Sortierung"
          emptyLabel="zuletzt geändert"
          defaultValue={sort === "updated" ? undefined : sort}
          options={[
            { value: "title", label: "nach Titel" },
            { value: "published", label: "nach Veröffentlichung (neueste zuerst)" },
          ]}
        />
        <div className="admin-form__actions">
          <button type="submit">Anzeigen</button>
          {filtered && <Link href={PATH}>Filter zurücksetzen</Link>}
        </div>
      </form>

      <p className="list-summary" role="status">
        {result.total === 1 ? "1 Quelle" : `${result.total} Quellen`}
        {filtered ? " gefunden" : ""}
      </p>

      {result.items.length === 0 ? (
        <p className="empty-state">
          {filtered ? "Keine Quellen passen zu dieser Suche." : "Noch keine Quellen."}{" "}
          {page > 1 && result.total > 0 && <Link href={listHref(PATH, params, { page: undefined, geloescht: undefined })}>Zur ersten Seite</Link>}
        </p>
      ) : (
        <div className="table-scroll">
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
        </div>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} dict={getDictionary()} href={(n) => listHref(PATH, params, { page: n > 1 ? n : undefined, geloescht: undefined })} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/Pagination";
import { Select, TextField } from "@/components/admin/Fields";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { SPEAKER_KIND_LABELS, SPEAKER_KINDS, SPEAKER_SORTS, listSpeakers } from "@/lib/editorial/speakers";
import { choice, listHref, optionalChoice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";
import { getDictionary } from "@/lib/i18n";
import "../editorial.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sprecher" };

const PATH = "/admin/speakers";

export default async function SpeakersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("desk.view", PATH);
  const params = await searchParams;
  const q = param(params, "q");
  const kind = optionalChoice(params, "kind", SPEAKER_KINDS);
  const sort = choice(params, "sort", SPEAKER_SORTS);
  const page = pageParam(params);
  const result = await listSpeakers({ q, kind, sort, page });
  const filtered = q !== undefined || kind !== undefined;

  return (
    <>
      <div className="admin-page-header">
        <h1>Sprecher</h1>
        {can(user.role, "record.edit") && (
          <Link className="button" href="/admin/speakers/new">
            Neuer Sprecher
          </Link>
        )}
      </div>
      {param(params, "geloescht") && (
        <p className="admin-notice" role="status">
          Der Sprecher wurde gelöscht.
        </p>
      )}

      <form method="get" action={PATH} className="list-controls" role="search" aria-label="Sprecher suchen und filtern">
        <TextField name="q" label="Suche (Name, Alias)" type="search" defaultValue={q} />
        <Select
          name="kind"
          label="Art"
          emptyLabel="alle"
          defaultValue={kind}
          options={SPEAKER_KINDS.map((k) => ({ value: k, label: SPEAKER_KIND_LABELS[k] }))}
        />
        <Select
          name="sort"
          label="Sortierung"
          emptyLabel="nach Name"
          defaultValue={sort === "name" ? undefined : sort}
          options={[{ value: "updated", label: "zuletzt geändert" }]}
        />
        <div className="admin-form__actions">
          <button type="submit">Anzeigen</button>
          {filtered && <Link href={PATH}>Filter zurücksetzen</Link>}
        </div>
      </form>

      <p className="list-summary" role="status">
        {result.total === 1 ? "1 Sprecher" : `${result.total} Sprecher`}
        {filtered ? " gefunden" : ""}
      </p>

      {result.items.length === 0 ? (
        <p className="empty-state">
          {filtered ? "Keine Sprecher passen zu dieser Suche." : "Noch keine Sprecher."}{" "}
          {page > 1 && result.total > 0 && <Link href={listHref(PATH, params, { page: undefined, geloescht: undefined })}>Zur ersten Seite</Link>}
        </p>
      ) : (
        <div className="table-scroll">
        <table className="admin-table">
          <caption className="visually-hidden">Sprecher, Seite {result.page}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Art</th>
              <th scope="col">Aliasse</th>
              <th scope="col" className="number">
                Zitate
              </th>
              <th scope="col" className="number">
                Behauptungen
              </th>
              <th scope="col">Geändert</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link href={`/admin/speakers/${s.id}`}>{s.name}</Link>
                </th>
                <td>{SPEAKER_KIND_LABELS[s.kind]}</td>
                <td>{s.aliases.map((a) => a.alias).join(", ") || "–"}</td>
                <td className="number">
                  {s._count.quotes > 0 ? <Link href={`/admin/quotes?speaker=${s.id}`}>{s._count.quotes}</Link> : 0}
                </td>
                <td className="number">{s._count.claims}</td>
                <td>
                  <time dateTime={s.updatedAt.toISOString()}>{s.updatedAt.toLocaleDateString("de-DE", { timeZone: "Europe/Berlin" })}</time>
                </td>
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

import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/Pagination";
import { Select, TextField } from "@/components/admin/Fields";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { choice, listHref, optionalChoice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";
import { QUOTE_SORTS, SPEECH_KINDS, listQuotes } from "@/lib/editorial/quotes";
import { sourceOptions } from "@/lib/editorial/sources";
import { speakerOptions } from "@/lib/editorial/speakers";
import { getDictionary } from "@/lib/i18n";
import "../editorial.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Zitate" };

const PATH = "/admin/quotes";
const KIND_LABELS = { direct: "wörtlich", indirect: "indirekt" } as const;

const short = (s: string, max = 160) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export default async function QuotesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("desk.view", PATH);
  const params = await searchParams;
  const q = param(params, "q");
  const speakerId = param(params, "speaker");
  const sourceId = param(params, "source");
  const kind = optionalChoice(params, "kind", SPEECH_KINDS);
  const sort = choice(params, "sort", QUOTE_SORTS);
  const page = pageParam(params);
  const [result, speakers, sources] = await Promise.all([listQuotes({ q, speakerId, sourceId, kind, sort, page }), speakerOptions(), sourceOptions()]);
  const filtered = q !== undefined || kind !== undefined || speakerId !== undefined || sourceId !== undefined;

  return (
    <>
      <div className="admin-page-header">
        <h1>Zitate</h1>
        {can(user.role, "record.edit") && (
          <Link className="button" href={sourceId ? `/admin/quotes/new?sourceId=${encodeURIComponent(sourceId)}` : "/admin/quotes/new"}>
            Neues Zitat
          </Link>
        )}
      </div>
      {param(params, "geloescht") && (
        <p className="admin-notice" role="status">
          Das Zitat wurde gelöscht.
        </p>
      )}

      <form method="get" action={PATH} className="list-controls" role="search" aria-label="Zitate suchen und filtern">
        <TextField name="q" label="Suche im Text" type="search" defaultValue={q} />
        <Select name="speaker" label="Sprecher" emptyLabel="alle" defaultValue={speakerId} options={speakers} />
        <Select name="kind" label="Art" emptyLabel="alle" defaultValue={kind} options={SPEECH_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
        <Select name="source" label="Quelle" emptyLabel="alle" defaultValue={sourceId} options={sources} />
        <Select
          name="sort"
          label="Sortierung"
          emptyLabel="zuletzt geändert"
          defaultValue={sort === "updated" ? undefined : sort}
          options={[
            { value: "said", label: "nach Datum der Äußerung" },
            { value: "text", label: "nach Text" },
          ]}
        />
        <div className="admin-form__actions">
          <button type="submit">Anzeigen</button>
          {filtered && <Link href={PATH}>Filter zurücksetzen</Link>}
        </div>
      </form>

      <p className="list-summary" role="status">
        {result.total === 1 ? "1 Zitat" : `${result.total} Zitate`}
        {filtered ? " gefunden" : ""}
      </p>

      {result.items.length === 0 ? (
        <p className="empty-state">
          {filtered ? "Keine Zitate passen zu dieser Suche." : "Noch keine Zitate."}{" "}
          {page > 1 && result.total > 0 && <Link href={listHref(PATH, params, { page: undefined, geloescht: undefined })}>Zur ersten Seite</Link>}
        </p>
      ) : (
        <div className="table-scroll">
        <table className="admin-table">
          <caption className="visually-hidden">Zitate, Seite {result.page}</caption>
          <thead>
            <tr>
              <th scope="col">Zitat</th>
              <th scope="col">Sprecher</th>
              <th scope="col">Art</th>
              <th scope="col">Gesagt am</th>
              <th scope="col" className="number">
                Fundstellen
              </th>
              <th scope="col" className="number">
                Behauptungen
              </th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((item) => (
              <tr key={item.id}>
                <td className="quote-cell">
                  <Link href={`/admin/quotes/${item.id}`}>„{short(item.text)}“</Link>
                </td>
                <td>
                  {item.speaker.name}
                  {item.reportedBy && <span className="muted"> (wiedergegeben von {item.reportedBy.name})</span>}
                </td>
                <td>{KIND_LABELS[item.kind]}</td>
                <td>{item.saidOn ? <time dateTime={item.saidOn.toISOString().slice(0, 10)}>{item.saidOn.toLocaleDateString("de-DE", { timeZone: "UTC" })}</time> : "–"}</td>
                <td className="number">{item._count.appearances}</td>
                <td className="number">{item._count.claims}</td>
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

import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { PageHeader } from "@/components/admin/PageHeader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { choice, optionalChoice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";
import { QUOTE_SORTS, SPEECH_KINDS, listQuotes } from "@/lib/editorial/quotes";
import { sourceOptions } from "@/lib/editorial/sources";
import { speakerOptions } from "@/lib/editorial/speakers";

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
      <PageHeader
        title="Zitate"
        newLink={
          can(user.role, "record.edit")
            ? { href: sourceId ? `/admin/quotes/new?sourceId=${encodeURIComponent(sourceId)}` : "/admin/quotes/new", label: "Neues Zitat" }
            : undefined
        }
        notice={param(params, "geloescht") && "Das Zitat wurde gelöscht."}
      />

      <ListFilters
        action={PATH}
        label="Zitate suchen und filtern"
        filtered={filtered}
        fields={[
          { name: "q", label: "Suche im Text", type: "search", value: q },
          { name: "speaker", label: "Sprecher", emptyLabel: "alle", value: speakerId, options: speakers },
          { name: "kind", label: "Art", emptyLabel: "alle", value: kind, options: SPEECH_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })) },
          { name: "source", label: "Quelle", emptyLabel: "alle", value: sourceId, options: sources },
          {
            name: "sort",
            label: "Sortierung",
            emptyLabel: "zuletzt geändert",
            value: sort === "updated" ? undefined : sort,
            options: [
              { value: "said", label: "nach Datum der Äußerung" },
              { value: "text", label: "nach Text" },
            ],
          },
        ]}
      />

      <ListResults
        path={PATH}
        params={params}
        result={result}
        count={{ one: "Zitat", many: "Zitate" }}
        filtered={filtered}
        empty={filtered ? "Keine Zitate passen zu dieser Suche." : "Noch keine Zitate."}
        firstPageLink
      >
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
      </ListResults>
    </>
  );
}

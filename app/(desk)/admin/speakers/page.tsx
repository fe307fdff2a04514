import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { PageHeader } from "@/components/admin/PageHeader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { SPEAKER_KIND_LABELS, SPEAKER_KINDS, SPEAKER_SORTS, listSpeakers } from "@/lib/editorial/speakers";
import { choice, optionalChoice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";

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
      <PageHeader
        title="Sprecher"
        newLink={can(user.role, "record.edit") ? { href: "/admin/speakers/new", label: "Neuer Sprecher" } : undefined}
        notice={param(params, "geloescht") && "Der Sprecher wurde gelöscht."}
      />

      <ListFilters
        action={PATH}
        label="Sprecher suchen und filtern"
        filtered={filtered}
        fields={[
          { name: "q", label: "Suche (Name, Alias)", type: "search", value: q },
          { name: "kind", label: "Art", emptyLabel: "alle", value: kind, options: SPEAKER_KINDS.map((k) => ({ value: k, label: SPEAKER_KIND_LABELS[k] })) },
          { name: "sort", label: "Sortierung", emptyLabel: "nach Name", value: sort === "name" ? undefined : sort, options: [{ value: "updated", label: "zuletzt geändert" }] },
        ]}
      />

      <ListResults
        path={PATH}
        params={params}
        result={result}
        count={{ one: "Sprecher", many: "Sprecher" }}
        filtered={filtered}
        empty={filtered ? "Keine Sprecher passen zu dieser Suche." : "Noch keine Sprecher."}
        firstPageLink
      >
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
      </ListResults>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { formatMoment } from "@/components/admin/Moment";
import { PageHeader } from "@/components/admin/PageHeader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { ARTICLE_STATUS_LABELS, ARTICLE_STATUSES, listArticles } from "@/lib/editorial/articles";
import { optionalChoice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Artikel" };

const PATH = "/admin/articles";

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("desk.view", PATH);
  const params = await searchParams;
  const q = param(params, "q");
  const status = optionalChoice(params, "status", ARTICLE_STATUSES);
  const page = pageParam(params);
  const result = await listArticles({ q, status, page });
  const filtered = q !== undefined || status !== undefined;

  return (
    <>
      <PageHeader
        title="Artikel"
        newLink={can(user.role, "record.edit") ? { href: "/admin/articles/new", label: "Artikel einlesen" } : undefined}
      />
      <p className="muted">
        Eingelesene Artikel: Die automatische Extraktion schlägt Zitate und Behauptungen vor; die Redaktion nimmt sie an, bearbeitet oder lehnt sie ab.
      </p>

      <ListFilters
        action={PATH}
        label="Artikel suchen und filtern"
        filtered={filtered}
        fields={[
          { name: "q", label: "Suche (Titel, Herausgeber, URL, Dateiname)", type: "search", value: q },
          { name: "status", label: "Status", emptyLabel: "alle", value: status, options: ARTICLE_STATUSES.map((s) => ({ value: s, label: ARTICLE_STATUS_LABELS[s] })) },
        ]}
      />

      <ListResults
        path={PATH}
        params={params}
        result={result}
        count={{ one: "Artikel", many: "Artikel" }}
        filtered={filtered}
        empty={
          filtered ? (
            "Keine Artikel passen zu dieser Suche."
          ) : (
            <>
              Noch keine Artikel eingelesen.{" "}
              {can(user.role, "record.edit") && <Link href="/admin/articles/new">Den ersten Artikel einlesen</Link>}
            </>
          )
        }
        firstPageLink
      >
        <table className="admin-table">
          <caption className="visually-hidden">Artikel, Seite {result.page}</caption>
          <thead>
            <tr>
              <th scope="col">Titel</th>
              <th scope="col">Herausgeber</th>
              <th scope="col">Eingelesen</th>
              <th scope="col">Status</th>
              <th scope="col" className="number">
                Offen
              </th>
              <th scope="col" className="number">
                Angenommen
              </th>
              <th scope="col" className="number">
                Abgelehnt
              </th>
              <th scope="col">Quelle</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link href={`/admin/articles/${a.id}`}>{a.title ?? "(ohne Titel)"}</Link>
                </th>
                <td>{a.publisher ?? "–"}</td>
                <td>
                  {formatMoment(a.createdAt)}
                  {a.createdBy ? ` · ${a.createdBy.name}` : ""}
                </td>
                <td>{ARTICLE_STATUS_LABELS[a.status]}</td>
                <td className="number">{a.candidates.proposed}</td>
                <td className="number">{a.candidates.accepted}</td>
                <td className="number">{a.candidates.rejected}</td>
                <td>{a.sourceId ? <Link href={`/admin/sources/${a.sourceId}`}>Quelle</Link> : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListResults>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { Moment } from "@/components/admin/Moment";
import { PageHeader } from "@/components/admin/PageHeader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { CLAIM_SORTS, CLAIM_STATUSES, STATUS_LABELS, claimFilterOptions, claimListQuery, listClaims, type ClaimSort } from "@/lib/editorial/claims";
import { countOf, type SearchParams } from "@/lib/editorial/listing";
import "./claims.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Behauptungen" };

const PATH = "/admin/claims";

const SORT_LABELS: Record<ClaimSort, string> = {
  updated: "Zuletzt geändert",
  created: "Neueste zuerst",
  status: "Status",
};

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("desk.view", PATH);
  const params = await searchParams;
  const query = claimListQuery(params);
  const [page, options] = await Promise.all([listClaims(query, user), claimFilterOptions()]);
  const filtered = Boolean(query.q || query.status || query.assignee || query.claimant || query.topic || query.verdict);

  return (
    <div className="claim-desk">
      <PageHeader title="Behauptungen" newLink={can(user.role, "record.edit") ? { href: "/admin/claims/new", label: "Neue Behauptung" } : undefined} />

      <ListFilters
        action={PATH}
        label="Behauptungen filtern"
        className="claims-filter"
        idPrefix="claims"
        filtered={filtered}
        fields={[
          { name: "q", label: "Suche im Text", type: "search", value: query.q },
          { name: "status", label: "Status", emptyLabel: "alle", value: query.status, options: CLAIM_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })) },
          {
            name: "assignee",
            label: "Zuständig",
            emptyLabel: "alle",
            value: query.assignee,
            options: [{ value: "me", label: "ich" }, { value: "none", label: "niemand" }, ...options.users],
          },
          { name: "claimant", label: "Urheber", emptyLabel: "alle", value: query.claimant, options: options.speakers },
          { name: "topic", label: "Thema", emptyLabel: "alle", value: query.topic, options: options.topics },
          {
            name: "verdict",
            label: "Bewertung (Arbeitsstand)",
            emptyLabel: "alle",
            value: query.verdict,
            options: [{ value: "none", label: "ohne Bewertung" }, ...options.verdicts],
          },
          { name: "sort", label: "Sortierung", value: query.sort, options: CLAIM_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] })) },
        ]}
      />

      <ListResults
        path={PATH}
        params={params}
        result={page}
        empty={filtered ? "Keine Behauptung passt zu diesen Filtern." : page.page > 1 ? "Auf dieser Seite gibt es keine Behauptungen." : "Noch keine Behauptungen. Legen Sie die erste an."}
        footer={<p className="muted">{countOf(page.total, "Behauptung", "Behauptungen")}</p>}
      >
        <table className="admin-table">
          <caption className="visually-hidden">Behauptungen, {page.total} insgesamt</caption>
          <thead>
            <tr>
              <th scope="col">Behauptung</th>
              <th scope="col">Status</th>
              <th scope="col">Urheber</th>
              <th scope="col">Bewertung</th>
              <th scope="col">Zuständig</th>
              <th scope="col" className="number">
                Belege
              </th>
              <th scope="col">{query.sort === "created" ? "Angelegt" : "Geändert"}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/admin/claims/${c.id}`}>{c.text}</Link>
                </td>
                <td>
                  <span className={`status-badge status-badge--${c.status}`}>{STATUS_LABELS[c.status]}</span>
                  {c.publicState && c.publicState !== c.status ? <span className="muted"> (öffentlich: {STATUS_LABELS[c.publicState as keyof typeof STATUS_LABELS]})</span> : null}
                </td>
                <td>{c.claimant ?? "–"}</td>
                <td>{c.verdict ?? "–"}</td>
                <td>{c.assignee ?? "–"}</td>
                <td className="number">{c.evidenceCount}</td>
                <td>
                  <Moment date={query.sort === "created" ? c.createdAt : c.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListResults>
    </div>
  );
}

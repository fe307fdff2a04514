import type { Metadata } from "next";
import Link from "next/link";
import { Moment } from "@/components/admin/Moment";
import { Pagination } from "@/components/Pagination";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { CLAIM_SORTS, CLAIM_STATUSES, STATUS_LABELS, claimFilterOptions, claimListQuery, listClaims, type ClaimSort } from "@/lib/editorial/claims";
import { listHref, type SearchParams } from "@/lib/editorial/listing";
import { getDictionary } from "@/lib/i18n";
import "./claims.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Behauptungen" };

const SORT_LABELS: Record<ClaimSort, string> = {
  updated: "Zuletzt geändert",
  created: "Neueste zuerst",
  status: "Status",
};

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("desk.view", "/admin/claims");
  const params = await searchParams;
  const query = claimListQuery(params);
  const [page, options] = await Promise.all([listClaims(query, user), claimFilterOptions()]);
  const filtered = Boolean(query.q || query.status || query.assignee || query.claimant || query.topic || query.verdict);

  return (
    <div className="claim-desk">
      <h1>Behauptungen</h1>
      {can(user.role, "record.edit") ? (
        <p>
          <Link href="/admin/claims/new" className="button">
            Neue Behauptung
          </Link>
        </p>
      ) : null}

      <form method="get" className="list-controls claims-filter" role="search" aria-label="Behauptungen filtern">
        <div className="field">
          <label htmlFor="claims-q">Suche im Text</label>
          <input id="claims-q" name="q" type="search" defaultValue={query.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="claims-status">Status</label>
          <select id="claims-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">alle</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="claims-assignee">Zuständig</label>
          <select id="claims-assignee" name="assignee" defaultValue={query.assignee ?? ""}>
            <option value="">alle</option>
            <option value="me">ich</option>
            <option value="none">niemand</option>
            {options.users.map((u) => (
              <option key={u.value} value={u.value}>
                {u.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="claims-claimant">Urheber</label>
          <select id="claims-claimant" name="claimant" defaultValue={query.claimant ?? ""}>
            <option value="">alle</option>
            {options.speakers.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="claims-topic">Thema</label>
          <select id="claims-topic" name="topic" defaultValue={query.topic ?? ""}>
            <option value="">alle</option>
            {options.topics.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="claims-verdict">Bewertung (Arbeitsstand)</label>
          <select id="claims-verdict" name="verdict" defaultValue={query.verdict ?? ""}>
            <option value="">alle</option>
            <option value="none">ohne Bewertung</option>
            {options.verdicts.map((v) => (
              <option key={v.value} value={v.value}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="claims-sort">Sortierung</label>
          <select id="claims-sort" name="sort" defaultValue={query.sort}>
            {CLAIM_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Anzeigen
        </button>
        {filtered ? <Link href="/admin/claims">Filter zurücksetzen</Link> : null}
      </form>

      {page.items.length === 0 ? (
        <p className="empty-state">
          {filtered ? "Keine Behauptung passt zu diesen Filtern." : page.page > 1 ? "Auf dieser Seite gibt es keine Behauptungen." : "Noch keine Behauptungen. Legen Sie die erste an."}
        </p>
      ) : (
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
      )}
      <p className="muted">{page.total === 1 ? "1 Behauptung" : `${page.total} Behauptungen`}</p>
      <Pagination page={page.page} pageCount={page.pageCount} href={(n) => listHref("/admin/claims", params, { page: n })} dict={getDictionary()} />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { TableScroll } from "@/components/admin/TableScroll";
import { Moment } from "@/components/admin/Moment";
import { Pagination } from "@/components/Pagination";
import { requirePermission } from "@/lib/auth/session";
import { ROLES } from "@/lib/auth/permissions";
import { choice, listHref, optionalChoice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";
import { listUsers, ROLE_NAMES, USER_SORTS, type UserSort } from "@/lib/editorial/users";
import { getDictionary } from "@/lib/i18n";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Konten" };

const SORT_LABELS: Record<UserSort, string> = {
  name: "Name",
  email: "E-Mail",
  role: "Rolle",
  created: "Neueste zuerst",
  lastSignIn: "Letzte Anmeldung",
};

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission("users.manage", "/admin/users");
  const params = await searchParams;
  const q = param(params, "q");
  const role = optionalChoice(params, "role", ROLES);
  const active = optionalChoice(params, "active", ["active", "inactive"] as const);
  const sort = choice(params, "sort", USER_SORTS);
  const page = await listUsers({ q, role, active, sort, page: pageParam(params) });
  const filtered = Boolean(q || role || active);

  return (
    <>
      <h1>Konten</h1>
      <p>
        <Link href="/admin/users/new" className="button">
          Neues Konto
        </Link>
      </p>

      <form method="get" className="list-controls" role="search" aria-label="Konten filtern">
        <div className="field">
          <label htmlFor="users-q">Suche (Name, E-Mail)</label>
          <input id="users-q" name="q" type="search" defaultValue={q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="users-role">Rolle</label>
          <select id="users-role" name="role" defaultValue={role ?? ""}>
            <option value="">alle</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="users-active">Status</label>
          <select id="users-active" name="active" defaultValue={active ?? ""}>
            <option value="">alle</option>
            <option value="active">aktiv</option>
            <option value="inactive">deaktiviert</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="users-sort">Sortierung</label>
          <select id="users-sort" name="sort" defaultValue={sort}>
            {USER_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Anzeigen
        </button>
        {filtered ? <Link href="/admin/users">Filter zurücksetzen</Link> : null}
      </form>

      {page.items.length === 0 ? (
        <p className="empty-state">{filtered ? "Kein Konto passt zu diesen Filtern." : "Noch keine Konten."}</p>
      ) : (
        <TableScroll label="Konten">
          <table className="admin-table">
            <caption className="visually-hidden">
              Konten, {page.total} insgesamt
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-Mail</th>
                <th scope="col">Rolle</th>
                <th scope="col">Status</th>
                <th scope="col">Letzte Anmeldung</th>
                <th scope="col">Angelegt</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                  </td>
                  <td>{u.email}</td>
                  <td>{ROLE_NAMES[u.role]}</td>
                  <td>{u.active ? "aktiv" : "deaktiviert"}</td>
                  <td>
                    <Moment date={u.lastSignInAt} empty="noch nie" />
                  </td>
                  <td>
                    <Moment date={u.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} href={(n) => listHref("/admin/users", params, { page: n })} dict={getDictionary()} />
    </>
  );
}

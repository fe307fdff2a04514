import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { Checkbox } from "@/components/admin/Fields";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { Moment } from "@/components/admin/Moment";
import { PageHeader } from "@/components/admin/PageHeader";
import { requirePermission } from "@/lib/auth/session";
import { ROLES } from "@/lib/auth/permissions";
import { isTwoFactorRequired } from "@/lib/auth/two-factor";
import { choice, optionalChoice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";
import { listUsers, ROLE_NAMES, USER_SORTS, type UserSort } from "@/lib/editorial/users";
import { setTwoFactorRequiredAction } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Konten" };

const PATH = "/admin/users";

const SORT_LABELS: Record<UserSort, string> = {
  name: "Name",
  email: "E-Mail",
  role: "Rolle",
  created: "Neueste zuerst",
  lastSignIn: "Letzte Anmeldung",
};

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission("users.manage", PATH);
  const params = await searchParams;
  const q = param(params, "q");
  const role = optionalChoice(params, "role", ROLES);
  const active = optionalChoice(params, "active", ["active", "inactive"] as const);
  const sort = choice(params, "sort", USER_SORTS);
  const [page, twoFactorRequired, t] = await Promise.all([
    listUsers({ q, role, active, sort, page: pageParam(params) }),
    isTwoFactorRequired(),
    getTranslations({ locale: "de", namespace: "twoFactor" }),
  ]);
  const filtered = Boolean(q || role || active);

  return (
    <>
      <PageHeader title="Konten" newLink={{ href: "/admin/users/new", label: "Neues Konto" }} />

      <ListFilters
        action={PATH}
        label="Konten filtern"
        idPrefix="users"
        filtered={filtered}
        fields={[
          { name: "q", label: "Suche (Name, E-Mail)", type: "search", value: q },
          { name: "role", label: "Rolle", emptyLabel: "alle", value: role, options: ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] })) },
          {
            name: "active",
            label: "Status",
            emptyLabel: "alle",
            value: active,
            options: [
              { value: "active", label: "aktiv" },
              { value: "inactive", label: "deaktiviert" },
            ],
          },
          { name: "sort", label: "Sortierung", value: sort, options: USER_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] })) },
        ]}
      />

      <ListResults path={PATH} params={params} result={page} empty={filtered ? "Kein Konto passt zu diesen Filtern." : "Noch keine Konten."} scrollLabel="Konten">
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
      </ListResults>

      <section aria-labelledby="two-factor-required-heading">
        <h2 id="two-factor-required-heading">{t("requiredTitle")}</h2>
        <p>{t("requiredText")}</p>
        <ActionForm action={setTwoFactorRequiredAction} submitLabel={t("requiredSave")}>
          <Checkbox name="required" label={t("requiredLabel")} defaultChecked={twoFactorRequired} />
        </ActionForm>
      </section>
    </>
  );
}

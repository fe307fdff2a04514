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
import { listUsers, USER_SORTS } from "@/lib/editorial/users";
import { setTwoFactorRequiredAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.users");
  return { title: t("title") };
}

const PATH = "/admin/users";

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission("users.manage", PATH);
  const params = await searchParams;
  const q = param(params, "q");
  const role = optionalChoice(params, "role", ROLES);
  const active = optionalChoice(params, "active", ["active", "inactive"] as const);
  const sort = choice(params, "sort", USER_SORTS);
  const [page, twoFactorRequired, t, tu, tl, roleName] = await Promise.all([
    listUsers({ q, role, active, sort, page: pageParam(params) }),
    isTwoFactorRequired(),
    getTranslations("twoFactor"),
    getTranslations("desk.users"),
    getTranslations("desk.list"),
    getTranslations("role"),
  ]);
  const filtered = Boolean(q || role || active);

  return (
    <>
      <PageHeader title={tu("title")} newLink={{ href: "/admin/users/new", label: tu("new") }} />

      <ListFilters
        action={PATH}
        label={tu("filter")}
        idPrefix="users"
        filtered={filtered}
        fields={[
          { name: "q", label: tu("search"), type: "search", value: q },
          { name: "role", label: tu("role"), emptyLabel: tl("all"), value: role, options: ROLES.map((r) => ({ value: r, label: roleName(r) })) },
          {
            name: "active",
            label: tu("status"),
            emptyLabel: tl("all"),
            value: active,
            options: [
              { value: "active", label: tu("active") },
              { value: "inactive", label: tu("inactive") },
            ],
          },
          { name: "sort", label: tl("sort"), value: sort, options: USER_SORTS.map((s) => ({ value: s, label: tu(`sort.${s}`) })) },
        ]}
      />

      <ListResults path={PATH} params={params} result={page} empty={filtered ? tu("emptyFiltered") : tu("empty")} scrollLabel={tu("title")}>
        <table className="admin-table">
          <caption className="visually-hidden">{tu("caption", { count: page.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{tu("name")}</th>
              <th scope="col">{tu("email")}</th>
              <th scope="col">{tu("role")}</th>
              <th scope="col">{tu("status")}</th>
              <th scope="col">{tu("lastSignIn")}</th>
              <th scope="col">{tu("created")}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                </td>
                <td>{u.email}</td>
                <td>{roleName(u.role)}</td>
                <td>{u.active ? tu("active") : tu("inactive")}</td>
                <td>
                  <Moment date={u.lastSignInAt} empty={tu("never")} />
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

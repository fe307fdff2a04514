import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { Checkbox, Select, TextField } from "@/components/admin/Fields";
import { formatMoment, Moment } from "@/components/admin/Moment";
import { requirePermission } from "@/lib/auth/session";
import { ROLES } from "@/lib/auth/permissions";
import { getTwoFactorStatus } from "@/lib/auth/two-factor";
import { currentLocale } from "@/lib/desk-i18n";
import { getUser, listResetCodes } from "@/lib/editorial/users";
import { issueResetCodeAction, resetTwoFactorAction, updateUserAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.user");
  return { title: t("metaTitle") };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("users.manage", `/admin/users/${id}`);
  const user = await getUser(id);
  if (!user) notFound();
  const [codes, twoFactor, t, tu, roleName, locale] = await Promise.all([
    listResetCodes(user.id),
    getTwoFactorStatus(user.id),
    getTranslations("twoFactor"),
    getTranslations("desk.user"),
    getTranslations("role"),
    currentLocale(),
  ]);
  const now = new Date();
  const self = actor.id === user.id;

  return (
    <>
      <p>
        <Link href="/admin/users">{tu("back")}</Link>
      </p>
      <h1>{user.name}</h1>
      <dl className="facts">
        <dt>{tu("email")}</dt>
        <dd>{user.email}</dd>
        <dt>{tu("status")}</dt>
        <dd>{user.active ? tu("active") : tu("inactive")}</dd>
        <dt>{tu("lastSignIn")}</dt>
        <dd>
          <Moment date={user.lastSignInAt} empty={tu("never")} />
        </dd>
        <dt>{t("title")}</dt>
        <dd>
          {twoFactor.state === "on" && twoFactor.confirmedAt
            ? t("statusOn", { date: formatMoment(twoFactor.confirmedAt, locale) })
            : twoFactor.state === "enrolling"
              ? t("statusEnrolling")
              : t("statusOff")}
        </dd>
        <dt>{tu("created")}</dt>
        <dd>
          <Moment date={user.createdAt} />
        </dd>
      </dl>
      <p>
        <Link href={`/admin/audit?log=security&user=${user.id}`}>{tu("securityLog")}</Link>
        {" · "}
        <Link href={`/admin/audit?log=changes&entityType=User&entityId=${user.id}`}>{tu("changes")}</Link>
      </p>

      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">{tu("edit")}</h2>
        {self ? <p>{tu("self")}</p> : null}
        <ActionForm action={updateUserAction} submitLabel={tu("save")} version={user.version} hidden={{ id: user.id }}>
          <TextField name="name" label={tu("name")} required maxLength={200} defaultValue={user.name} />
          <Select name="role" label={tu("role")} required defaultValue={user.role} options={ROLES.map((r) => ({ value: r, label: roleName(r) }))} />
          <Checkbox name="active" label={tu("activeLabel")} defaultChecked={user.active} />
        </ActionForm>
      </section>

      <section aria-labelledby="reset-heading">
        <h2 id="reset-heading">{tu("resetTitle")}</h2>
        <p>
          {tu("resetTextBefore")} <Link href="/reset-password">/reset-password</Link> {tu("resetTextAfter")}
        </p>
        {user.active ? (
          <ActionForm action={issueResetCodeAction} submitLabel={tu("issueCode")} hidden={{ id: user.id }} confirm={tu("issueCodeConfirm")} />
        ) : (
          <p>{tu("inactiveNoCode")}</p>
        )}
        {codes.length > 0 ? (
          <table className="admin-table">
            <caption>{tu("codesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{tu("codeIssued")}</th>
                <th scope="col">{tu("codeBy")}</th>
                <th scope="col">{tu("codeValidUntil")}</th>
                <th scope="col">{tu("codeState")}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Moment date={c.createdAt} />
                  </td>
                  <td>{c.issuedBy?.name ?? "–"}</td>
                  <td>
                    <Moment date={c.expiresAt} />
                  </td>
                  <td>{c.usedAt ? tu("codeUsed") : c.expiresAt <= now ? tu("codeExpired") : tu("codeOpen")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      {twoFactor.state !== "off" ? (
        <section aria-labelledby="two-factor-heading">
          <h2 id="two-factor-heading">{t("resetTitle")}</h2>
          {self ? (
            <p>{t("resetOwn")}</p>
          ) : (
            <>
              <p>{t("resetText")}</p>
              <ActionForm action={resetTwoFactorAction} submitLabel={t("reset")} hidden={{ id: user.id }} confirm={t("resetConfirm")} />
            </>
          )}
        </section>
      ) : null}
    </>
  );
}

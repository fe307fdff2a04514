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
import { getUser, listResetCodes, ROLE_NAMES } from "@/lib/editorial/users";
import { issueResetCodeAction, resetTwoFactorAction, updateUserAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Konto" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("users.manage", `/admin/users/${id}`);
  const user = await getUser(id);
  if (!user) notFound();
  const [codes, twoFactor, t] = await Promise.all([
    listResetCodes(user.id),
    getTwoFactorStatus(user.id),
    getTranslations({ locale: "de", namespace: "twoFactor" }),
  ]);
  const now = new Date();
  const self = actor.id === user.id;

  return (
    <>
      <p>
        <Link href="/admin/users">← Konten</Link>
      </p>
      <h1>{user.name}</h1>
      <dl className="facts">
        <dt>E-Mail</dt>
        <dd>{user.email}</dd>
        <dt>Status</dt>
        <dd>{user.active ? "aktiv" : "deaktiviert"}</dd>
        <dt>Letzte Anmeldung</dt>
        <dd>
          <Moment date={user.lastSignInAt} empty="noch nie" />
        </dd>
        <dt>{t("title")}</dt>
        <dd>
          {twoFactor.state === "on" && twoFactor.confirmedAt
            ? t("statusOn", { date: formatMoment(twoFactor.confirmedAt) })
            : twoFactor.state === "enrolling"
              ? t("statusEnrolling")
              : t("statusOff")}
        </dd>
        <dt>Angelegt</dt>
        <dd>
          <Moment date={user.createdAt} />
        </dd>
      </dl>
      <p>
        <Link href={`/admin/audit?log=security&user=${user.id}`}>Sicherheitsprotokoll dieses Kontos</Link>
        {" · "}
        <Link href={`/admin/audit?log=changes&entityType=User&entityId=${user.id}`}>Änderungen an diesem Konto</Link>
      </p>

      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">Konto bearbeiten</h2>
        {self ? <p>Das ist Ihr eigenes Konto: Sie können es weder deaktivieren noch sich die Rolle Admin entziehen.</p> : null}
        <ActionForm action={updateUserAction} submitLabel="Speichern" version={user.version} hidden={{ id: user.id }}>
          <TextField name="name" label="Name" required maxLength={200} defaultValue={user.name} />
          <Select name="role" label="Rolle" required defaultValue={user.role} options={ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} />
          <Checkbox name="active" label="Konto aktiv (deaktivierte Konten können sich nicht anmelden)" defaultChecked={user.active} />
        </ActionForm>
      </section>

      <section aria-labelledby="reset-heading">
        <h2 id="reset-heading">Passwort zurücksetzen</h2>
        <p>
          Erzeugt einen Einmal-Code, 24 Stunden gültig. Er wird nur einmal angezeigt; geben Sie ihn der Person auf einem sicheren Weg
          weiter. Sie setzt damit unter <Link href="/reset-password">/reset-password</Link> ein neues Passwort; danach sind alle ihre
          bisherigen Sitzungen beendet. Ein neuer Code macht ältere ungültig.
        </p>
        {user.active ? (
          <ActionForm
            action={issueResetCodeAction}
            submitLabel="Rücksetz-Code erzeugen"
            hidden={{ id: user.id }}
            confirm="Einen neuen Rücksetz-Code erzeugen? Ältere Codes dieses Kontos werden ungültig."
          />
        ) : (
          <p>Das Konto ist deaktiviert: Aktivieren Sie es zuerst.</p>
        )}
        {codes.length > 0 ? (
          <table className="admin-table">
            <caption>Zuletzt ausgegebene Codes</caption>
            <thead>
              <tr>
                <th scope="col">Ausgegeben</th>
                <th scope="col">von</th>
                <th scope="col">Gültig bis</th>
                <th scope="col">Stand</th>
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
                  <td>{c.usedAt ? "verwendet" : c.expiresAt <= now ? "abgelaufen oder ersetzt" : "offen"}</td>
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

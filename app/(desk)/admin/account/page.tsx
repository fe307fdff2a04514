import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { Select, TextField } from "@/components/admin/Fields";
import { formatMoment } from "@/components/admin/Moment";
import { NewPasswordFields } from "@/components/admin/NewPasswordFields";
import { getSessionAccount, requirePermission } from "@/lib/auth/session";
import { countLiveSessions } from "@/lib/auth/sessions";
import { getEnrolment, getTwoFactorStatus, isTwoFactorRequired, SECOND_FACTOR_ROLES } from "@/lib/auth/two-factor";
import { currentLocale } from "@/lib/desk-i18n";
import { LOCALES } from "@/lib/i18n";
import { signOutEverywhereAction } from "../actions";
import { changePasswordAction, confirmTwoFactorAction, disableTwoFactorAction, renewRecoveryCodesAction, setLocaleAction, startTwoFactorAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.account");
  return { title: t("title") };
}

// Open before a mandatory second factor is set up: this is where it is set up
// (lib/auth/session.ts sends such accounts here).
export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("account.manage", "/admin/account", { beforeSecondFactor: true });
  const params = await searchParams;
  const changed = params.changed === "1";
  const languageSaved = params.language === "1";
  const [account, status, sessions, t, ts, ta, roleName, locale] = await Promise.all([
    getSessionAccount(),
    getTwoFactorStatus(user.id),
    countLiveSessions(user.id),
    getTranslations("twoFactor"),
    getTranslations("sessions"),
    getTranslations("desk.account"),
    getTranslations("role"),
    currentLocale(),
  ]);
  const enrolment = status.state === "enrolling" ? await getEnrolment(user) : null;
  const mandatory = SECOND_FACTOR_ROLES.includes(user.role) && (await isTwoFactorRequired());
  return (
    <>
      <h1>{ta("title")}</h1>
      {account?.mustEnrolSecondFactor ? (
        <p role="alert" className="form-status form-status--error">
          {t("requiredNotice")}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{ta("name")}</dt>
        <dd>{user.name}</dd>
        <dt>{ta("email")}</dt>
        <dd>{user.email}</dd>
        <dt>{ta("role")}</dt>
        <dd>{roleName(user.role)}</dd>
      </dl>

      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{ta("languageTitle")}</h2>
        {languageSaved ? (
          <p role="status" className="form-status form-status--ok">
            {ta("languageSaved")}
          </p>
        ) : null}
        <p>{ta("languageText")}</p>
        <ActionForm action={setLocaleAction} submitLabel={ta("languageSave")}>
          <Select
            name="locale"
            label={ta("language")}
            required
            defaultValue={account?.locale ?? locale}
            options={LOCALES.map((l) => ({ value: l, label: ta(`languageName.${l}`) }))}
          />
        </ActionForm>
      </section>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{ta("passwordTitle")}</h2>
        {changed ? (
          <p role="status" className="form-status form-status--ok">
            {ta("passwordChanged")}
          </p>
        ) : null}
        <p>{ta("passwordText")}</p>
        <ActionForm action={changePasswordAction} submitLabel={ta("passwordTitle")} resetOnSuccess>
          <TextField name="currentPassword" label={ta("currentPassword")} type="password" autoComplete="current-password" required maxLength={1024} />
          <NewPasswordFields differentFromCurrent />
        </ActionForm>
      </section>

      <section aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">{t("title")}</h2>
        {status.state === "off" ? (
          <>
            <p>{t("offText")}</p>
            <ActionForm action={startTwoFactorAction} submitLabel={t("start")} />
          </>
        ) : null}
        {status.state === "enrolling" ? (
          <>
            <p>{t("scanText")}</p>
            {enrolment ? (
              <>
                <img src={enrolment.qrCode} alt={t("qrAlt")} width={220} height={220} />
                <details>
                  <summary>{t("manualEntry")}</summary>
                  <p>
                    <code>{enrolment.secret.replace(/(.{4})(?=.)/g, "$1 ")}</code>
                  </p>
                </details>
              </>
            ) : null}
            <ActionForm action={confirmTwoFactorAction} submitLabel={t("confirm")}>
              <TextField name="code" idPrefix="enrol" label={t("codeLabel")} autoComplete="one-time-code" required maxLength={64} />
            </ActionForm>
            <p>
              <a href="/admin/account">{t("reload")}</a>
            </p>
            <ActionForm action={startTwoFactorAction} submitLabel={t("restart")} />
          </>
        ) : null}
        {status.state === "on" && status.confirmedAt ? (
          <>
            <p>
              {t("onText", { date: formatMoment(status.confirmedAt, locale) })} {t("codesLeft", { count: status.recoveryCodesLeft })}
            </p>
            <h3>{t("renewTitle")}</h3>
            <p>{t("renewText")}</p>
            <ActionForm action={renewRecoveryCodesAction} submitLabel={t("renew")} resetOnSuccess>
              <TextField name="code" idPrefix="renew" label={t("codeOrRecoveryLabel")} autoComplete="one-time-code" required maxLength={64} />
            </ActionForm>
            <h3>{t("disableTitle")}</h3>
            {mandatory ? (
              <p>{t("requiredCannotDisable")}</p>
            ) : (
              <ActionForm action={disableTwoFactorAction} submitLabel={t("disable")} confirm={t("disableConfirm")}>
                <TextField name="code" idPrefix="disable" label={t("codeOrRecoveryLabel")} autoComplete="one-time-code" required maxLength={64} />
              </ActionForm>
            )}
          </>
        ) : null}
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{ts("title")}</h2>
        <p>
          {ts("text", { count: sessions })} {ts("lifetime")}
        </p>
        <p>{ts("signOutEverywhereText")}</p>
        <ActionForm action={signOutEverywhereAction} submitLabel={ts("signOutEverywhere")} confirm={ts("signOutEverywhereConfirm")} />
      </section>
    </>
  );
}

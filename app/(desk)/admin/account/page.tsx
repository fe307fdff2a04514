import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/ActionForm";
import { TextField } from "@/components/admin/Fields";
import { NewPasswordFields } from "@/components/admin/NewPasswordFields";
import { requirePermission } from "@/lib/auth/session";
import { ROLE_NAMES } from "@/lib/editorial/users";
import { changePasswordAction } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Mein Konto" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("account.manage", "/admin/account");
  const changed = (await searchParams).changed === "1";
  return (
    <>
      <h1>Mein Konto</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>E-Mail</dt>
        <dd>{user.email}</dd>
        <dt>Rolle</dt>
        <dd>{ROLE_NAMES[user.role]}</dd>
      </dl>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Passwort ändern</h2>
        {changed ? (
          <p role="status" className="form-status form-status--ok">
            Ihr Passwort wurde geändert. Alle anderen Sitzungen mit Ihrem Konto sind beendet.
          </p>
        ) : null}
        <p>Nach der Änderung sind alle anderen Sitzungen mit Ihrem Konto beendet (zum Beispiel auf einem anderen Gerät).</p>
        <ActionForm action={changePasswordAction} submitLabel="Passwort ändern" resetOnSuccess>
          <TextField name="currentPassword" label="Aktuelles Passwort" type="password" autoComplete="current-password" required maxLength={1024} />
          <NewPasswordFields differentFromCurrent />
        </ActionForm>
      </section>
    </>
  );
}

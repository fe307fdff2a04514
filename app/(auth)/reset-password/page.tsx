import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/ActionForm";
import { TextField } from "@/components/admin/Fields";
import { NewPasswordFields } from "@/components/admin/NewPasswordFields";
import { resetPasswordAction } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Passwort neu setzen", robots: { index: false } };

// Public: whoever has a one-time code from an admin sets a new password here (there is no
// e-mail reset; the admin issues the code on the account's page in /admin/users).
export default function ResetPasswordPage() {
  return (
    <>
      <h1>Passwort neu setzen</h1>
      <p className="lead">
        Geben Sie Ihre E-Mail-Adresse, den Rücksetz-Code von der Administration und ein neues Passwort ein. Der Code gilt 24
        Stunden und nur einmal.
      </p>
      <ActionForm action={resetPasswordAction} submitLabel="Passwort setzen">
        <TextField name="email" label="E-Mail" type="email" autoComplete="username" required maxLength={320} />
        <TextField name="code" label="Rücksetz-Code" autoComplete="one-time-code" required maxLength={64} placeholder="XXXX-XXXX-XXXX" />
        <NewPasswordFields />
      </ActionForm>
      <p>
        <Link href="/signin">Zur Anmeldung</Link>
      </p>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/ActionForm";
import { Checkbox, Select, TextField } from "@/components/admin/Fields";
import { requirePermission } from "@/lib/auth/session";
import { ROLES } from "@/lib/auth/permissions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { ROLE_NAMES } from "@/lib/editorial/users";
import { createUserAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Neues Konto" };

export default async function NewUserPage() {
  await requirePermission("users.manage", "/admin/users/new");
  return (
    <>
      <p>
        <Link href="/admin/users">← Konten</Link>
      </p>
      <h1>Neues Konto</h1>
      <p>
        Vergeben Sie ein Anfangspasswort oder lassen Sie eines erzeugen: Ein erzeugtes Passwort wird nach dem Anlegen einmal
        angezeigt. Alternativ geben Sie der Person später einen Rücksetz-Code (auf der Seite des Kontos).
      </p>
      <ActionForm action={createUserAction} submitLabel="Konto anlegen" resetOnSuccess>
        <TextField name="name" label="Name" required maxLength={200} autoComplete="off" />
        <TextField name="email" label="E-Mail" type="email" required maxLength={320} autoComplete="off" />
        <Select name="role" label="Rolle" required defaultValue="contributor" options={ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} />
        <TextField
          name="password"
          label="Anfangspasswort"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={1024}
          hint={`Mindestens ${MIN_PASSWORD_LENGTH} Zeichen. Leer lassen und unten „Passwort erzeugen“ wählen, um eines erzeugen zu lassen.`}
        />
        <Checkbox name="generatePassword" label="Passwort erzeugen (wird einmal angezeigt)" />
      </ActionForm>
    </>
  );
}

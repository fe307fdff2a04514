import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { Checkbox, Select, TextField } from "@/components/admin/Fields";
import { requirePermission } from "@/lib/auth/session";
import { ROLES } from "@/lib/auth/permissions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { createUserAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.users");
  return { title: t("new") };
}

export default async function NewUserPage() {
  await requirePermission("users.manage", "/admin/users/new");
  const [t, role] = await Promise.all([getTranslations("desk.users"), getTranslations("role")]);
  return (
    <>
      <p>
        <Link href="/admin/users">{t("back")}</Link>
      </p>
      <h1>{t("new")}</h1>
      <p>{t("newIntro")}</p>
      <ActionForm action={createUserAction} submitLabel={t("create")} resetOnSuccess>
        <TextField name="name" label={t("name")} required maxLength={200} autoComplete="off" />
        <TextField name="email" label={t("email")} type="email" required maxLength={320} autoComplete="off" />
        <Select name="role" label={t("role")} required defaultValue="contributor" options={ROLES.map((r) => ({ value: r, label: role(r) }))} />
        <TextField
          name="password"
          label={t("initialPassword")}
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={1024}
          hint={t("initialPasswordHint", { min: MIN_PASSWORD_LENGTH })}
        />
        <Checkbox name="generatePassword" label={t("generatePassword")} />
      </ActionForm>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { TextField } from "@/components/admin/Fields";
import { NewPasswordFields } from "@/components/admin/NewPasswordFields";
import { resetPasswordAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.reset");
  return { title: t("title"), robots: { index: false } };
}

// Public: whoever has a one-time code from an admin sets a new password here (there is no
// e-mail reset; the admin issues the code on the account's page in /admin/users). In the
// browser's language, like the sign-in.
export default async function ResetPasswordPage() {
  const t = await getTranslations("desk.reset");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <ActionForm action={resetPasswordAction} submitLabel={t("submit")}>
        <TextField name="email" label={t("email")} type="email" autoComplete="username" required maxLength={320} />
        <TextField name="code" label={t("code")} autoComplete="one-time-code" required maxLength={64} placeholder="XXXX-XXXX-XXXX" />
        <NewPasswordFields />
      </ActionForm>
      <p>
        <Link href="/signin">{t("toSignIn")}</Link>
      </p>
    </>
  );
}

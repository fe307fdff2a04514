// A new password and its repetition, for ActionForms whose schema checks both (changing one's
// own password, setting one with a reset code: lib/editorial/users.ts).
import { getTranslations } from "next-intl/server";
import { TextField } from "@/components/admin/Fields";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";

export async function NewPasswordFields({ differentFromCurrent = false }: { /** Say that it must differ from the current one. */ differentFromCurrent?: boolean }) {
  const t = await getTranslations("desk.password");
  return (
    <>
      <TextField
        name="newPassword"
        label={t("new")}
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={1024}
        hint={t(differentFromCurrent ? "hintDifferent" : "hint", { min: MIN_PASSWORD_LENGTH })}
      />
      <TextField
        name="newPasswordRepeat"
        label={t("repeat")}
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={1024}
      />
    </>
  );
}

// A new password and its repetition, for ActionForms whose schema checks both (changing one's
// own password, setting one with a reset code: lib/editorial/users.ts).
import { TextField } from "@/components/admin/Fields";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";

export function NewPasswordFields({ differentFromCurrent = false }: { /** Say that it must differ from the current one. */ differentFromCurrent?: boolean }) {
  return (
    <>
      <TextField
        name="newPassword"
        label="Neues Passwort"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={1024}
        hint={`Mindestens ${MIN_PASSWORD_LENGTH} Zeichen${differentFromCurrent ? ", anders als das bisherige" : ""}.`}
      />
      <TextField
        name="newPasswordRepeat"
        label="Neues Passwort wiederholen"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={1024}
      />
    </>
  );
}

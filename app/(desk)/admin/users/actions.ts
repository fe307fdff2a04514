"use server";
// Accounts (admins only): create, edit name/role/active, issue a one-time reset code. The
// generated password and the reset code are in the success message only: shown once, never
// stored in plain text, never sent again.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define";
import { formatMoment } from "@/components/admin/Moment";
import {
  createUser,
  createUserSchema,
  issuePasswordResetCode,
  updateUser,
  updateUserSchema,
  userIdSchema,
} from "@/lib/editorial/users";

export const createUserAction = defineAction({
  name: "createUser",
  permission: "users.manage",
  schema: createUserSchema,
  run: async (actor, input) => {
    const { user, generatedPassword } = await createUser(actor, input);
    const created = `Konto für ${user.name} (${user.email}) angelegt.`;
    return {
      id: user.id,
      message: generatedPassword
        ? `${created} Anfangspasswort (wird nur jetzt angezeigt, bitte sicher weitergeben): ${generatedPassword}`
        : created,
    };
  },
  after: () => revalidatePath("/admin/users"),
});

export const updateUserAction = defineAction({
  name: "updateUser",
  permission: "users.manage",
  schema: updateUserSchema,
  run: async (actor, input) => {
    const user = await updateUser(actor, input);
    return { id: user.id, message: `Konto ${user.email} gespeichert.` };
  },
  after: (_result, input) => {
    revalidatePath("/admin/users");
    revalidatePath(`/admin/users/${input.id}`);
  },
});

export const issueResetCodeAction = defineAction({
  name: "issueResetCode",
  permission: "users.manage",
  schema: userIdSchema,
  run: async (actor, input) => {
    const { code, expiresAt, user } = await issuePasswordResetCode(actor, input);
    return {
      id: user.id,
      message:
        `Rücksetz-Code für ${user.email}: ${code} – gültig bis ${formatMoment(expiresAt)} Uhr, einmal verwendbar. ` +
        "Er wird nur jetzt angezeigt. Die Person setzt damit unter /reset-password ein neues Passwort; ältere Codes gelten nicht mehr.",
    };
  },
  after: (_result, input) => revalidatePath(`/admin/users/${input.id}`),
});

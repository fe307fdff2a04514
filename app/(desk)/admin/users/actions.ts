"use server";
// Accounts (admins only): create, edit name/role/active, issue a one-time reset code, reset a
// lost second factor, and make two-factor sign-in mandatory for admins and editors. The
// generated password and the reset code are in the success message only: shown once, never
// stored in plain text, never sent again.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { inWords } from "@/lib/actions/two-factor-errors";
import { formatMoment } from "@/components/admin/Moment";
import { resetTwoFactor, setTwoFactorRequired } from "@/lib/auth/two-factor";
import { checkbox } from "@/lib/editorial/fields";
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

export const resetTwoFactorAction = defineAction({
  name: "resetTwoFactor",
  permission: "users.manage",
  schema: userIdSchema,
  run: async (actor, input) => {
    const { email } = await inWords(() => resetTwoFactor(actor, input));
    const t = await getTranslations({ locale: "de", namespace: "twoFactor" });
    return { id: input.id, message: t("resetDone", { email }) };
  },
  after: (_result, input) => revalidatePath(`/admin/users/${input.id}`),
});

export const setTwoFactorRequiredAction = defineAction({
  name: "setTwoFactorRequired",
  permission: "users.manage",
  schema: z.object({ required: checkbox }),
  run: async (actor, input) => {
    await inWords(() => setTwoFactorRequired(actor, input.required));
    const t = await getTranslations({ locale: "de", namespace: "twoFactor" });
    return { message: t(input.required ? "requiredOn" : "requiredOff") };
  },
  after: () => revalidatePath("/admin/users"),
});

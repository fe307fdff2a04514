"use server";
// Accounts (admins only): create, edit name/role/active, issue a one-time reset code, reset a
// lost second factor, and make two-factor sign-in mandatory for admins and editors. The
// generated password and the reset code are in the success message only: shown once, never
// stored in plain text, never sent again.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { inWords } from "@/lib/actions/two-factor-errors";
import { moment, msg } from "@/lib/messages";
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
    const who = { name: user.name, email: user.email };
    return {
      id: user.id,
      message: generatedPassword ? msg("msg.user.createdWithPassword", { ...who, password: generatedPassword }) : msg("msg.user.created", who),
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
    return { id: user.id, message: msg("msg.user.saved", { email: user.email }) };
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
      message: msg("msg.user.resetCode", { email: user.email, code, until: moment(expiresAt) }),
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
    return { id: input.id, message: msg("twoFactor.resetDone", { email }) };
  },
  after: (_result, input) => revalidatePath(`/admin/users/${input.id}`),
});

export const setTwoFactorRequiredAction = defineAction({
  name: "setTwoFactorRequired",
  permission: "users.manage",
  schema: z.object({ required: checkbox }),
  run: async (actor, input) => {
    await inWords(() => setTwoFactorRequired(actor, input.required));
    return { message: msg(input.required ? "twoFactor.requiredOn" : "twoFactor.requiredOff") };
  },
  after: () => revalidatePath("/admin/users"),
});

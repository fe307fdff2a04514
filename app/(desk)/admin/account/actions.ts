"use server";
// One's own account: changing the password, and the second factor (lib/auth/two-factor.ts).
//
// Changing the password ends every session issued before it (User.passwordChangedAt), this one
// included; so that the person who just changed it stays signed in here, this browser is signed
// in again with the new password (a fresh session cookie). The page is then reloaded by a
// redirect: rendering it in the same request would still see the old, now void cookie and send
// the user to the sign-in page. An account with a second factor cannot be signed in again
// without a code: it goes to the sign-in page. A wrong current password counts against the
// sign-in's limit (lib/auth/rate-limit.ts), by account and address.
//
// The recovery codes are in the success message only, shown once; those actions do not reload
// the page (that would replace the form showing them).
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { requestIp } from "@/lib/actions/request-ip";
import { inWords } from "@/lib/actions/two-factor-errors";
import { signIn } from "@/lib/auth/auth";
import { authErrorInfo } from "@/lib/auth/auth-errors";
import { codeSchema, confirmEnrolment, disableTwoFactor, renewRecoveryCodes, startEnrolment } from "@/lib/auth/two-factor";
import { changeOwnPassword, changePasswordSchema, localeSchema, setOwnLocale } from "@/lib/editorial/users";
import { msg, type Message } from "@/lib/messages";

const SIGNED_IN_AGAIN = msg("msg.user.passwordChanged");
const SIGNED_OUT = msg("msg.user.passwordChangedSignIn");

export const changePasswordAction = defineAction({
  name: "changePassword",
  permission: "account.manage",
  schema: changePasswordSchema,
  beforeSecondFactor: true,
  run: async (actor, input) => {
    await changeOwnPassword(actor, input, undefined, { ip: await requestIp() });
    try {
      await signIn("credentials", { email: actor.email, password: input.newPassword, redirect: false });
    } catch (error) {
      // For example while the account's sign-in is blocked (too many failures), or when it
      // needs its second factor: the change stands, this session ended with the others.
      if (authErrorInfo(error)) return { message: SIGNED_OUT };
      throw error;
    }
    return { message: SIGNED_IN_AGAIN };
  },
  after: (result) => {
    redirect(result.message.key === SIGNED_IN_AGAIN.key ? "/admin/account?changed=1" : "/signin?changed=1");
  },
});

/** The recovery codes, shown once (the form's status keeps the line breaks). */
function recoveryCodesMessage(codes: string[]): Message {
  return msg("msg.user.recoveryCodes", { intro: msg("twoFactor.recoveryCodes"), codes: codes.join("\n") });
}

export const startTwoFactorAction = defineAction({
  name: "startTwoFactor",
  permission: "account.manage",
  schema: z.object({}),
  beforeSecondFactor: true,
  run: async (actor) => {
    await inWords(() => startEnrolment(actor));
    return { message: msg("twoFactor.started") };
  },
  after: () => revalidatePath("/admin/account"),
});

export const confirmTwoFactorAction = defineAction({
  name: "confirmTwoFactor",
  permission: "account.manage",
  schema: codeSchema,
  beforeSecondFactor: true,
  run: async (actor, input) => {
    const codes = await inWords(() => confirmEnrolment(actor, input));
    return { message: msg("msg.user.enabledWithCodes", { enabled: msg("twoFactor.enabled"), codes: recoveryCodesMessage(codes) }) };
  },
});

export const renewRecoveryCodesAction = defineAction({
  name: "renewRecoveryCodes",
  permission: "account.manage",
  schema: codeSchema,
  run: async (actor, input) => {
    const codes = await inWords(async () => renewRecoveryCodes(actor, input, { ip: await requestIp() }));
    return { message: recoveryCodesMessage(codes) };
  },
});

export const disableTwoFactorAction = defineAction({
  name: "disableTwoFactor",
  permission: "account.manage",
  schema: codeSchema,
  run: async (actor, input) => {
    await inWords(async () => disableTwoFactor(actor, input, { ip: await requestIp() }));
    return { message: msg("twoFactor.disabled") };
  },
  after: () => revalidatePath("/admin/account"),
});

// The language of one's desk. The page is loaded anew: the whole desk (navigation, forms) is
// then in the chosen language.
export const setLocaleAction = defineAction({
  name: "setLocale",
  permission: "account.manage",
  schema: localeSchema,
  beforeSecondFactor: true,
  run: async (actor, input) => {
    await setOwnLocale(actor, input);
    return { message: msg("msg.user.localeSaved") };
  },
  after: () => {
    revalidatePath("/admin", "layout");
    redirect("/admin/account?language=1");
  },
});

"use server";
// One's own account: changing the password. The change ends every session issued before it
// (User.passwordChangedAt), this one included; so that the person who just changed it stays
// signed in here, this browser is signed in again with the new password (a fresh session
// cookie). The page is then reloaded by a redirect: rendering it in the same request would
// still see the old, now void cookie and send the user to the sign-in page. A wrong current
// password counts against the sign-in's limit (lib/auth/rate-limit.ts), by account and address.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define";
import { signIn } from "@/lib/auth/auth";
import { authErrorInfo } from "@/lib/auth/auth-errors";
import { clientIp } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db/client";
import { changeOwnPassword, changePasswordSchema } from "@/lib/editorial/users";

const SIGNED_IN_AGAIN = "Ihr Passwort wurde geändert. Alle anderen Sitzungen mit Ihrem Konto sind beendet.";
const SIGNED_OUT = "Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort neu an.";

export const changePasswordAction = defineAction({
  name: "changePassword",
  permission: "account.manage",
  schema: changePasswordSchema,
  run: async (actor, input) => {
    await changeOwnPassword(actor, input, db, { ip: clientIp(await headers()) });
    try {
      await signIn("credentials", { email: actor.email, password: input.newPassword, redirect: false });
    } catch (error) {
      // For example while the account's sign-in is blocked (too many failures): the change
      // stands, this session ended with the others.
      if (authErrorInfo(error)) return { message: SIGNED_OUT };
      throw error;
    }
    return { message: SIGNED_IN_AGAIN };
  },
  after: (result) => {
    redirect(result.message === SIGNED_IN_AGAIN ? "/admin/account?changed=1" : "/signin?changed=1");
  },
});

"use server";
// /reset-password: a user sets a new password with the one-time code an admin gave them. Public
// (the user cannot sign in), so it is registered with definePublicAction; like the sign-in it
// is throttled per e-mail and client address
// (lib/auth/rate-limit.ts, through resetPasswordWithCode). The answer never echoes the code or
// the passwords.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { definePublicAction, notAForm, zodFieldErrors } from "@/lib/actions/define";
import type { ActionState } from "@/lib/actions/state";
import { clientIp } from "@/lib/auth/rate-limit";
import { DomainError, ValidationError } from "@/lib/editorial/errors";
import { msg } from "@/lib/messages";
import { resetPasswordWithCode, resetWithCodeSchema } from "@/lib/editorial/users";

export const resetPasswordAction = definePublicAction(
  "resetPassword",
  "Whoever has forgotten their password cannot sign in: the one-time code is the proof; throttled like the sign-in.",
  async function resetPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
    if (!(formData instanceof FormData)) return notAForm();
    const rawEmail = formData.get("email");
    const values = { email: typeof rawEmail === "string" ? rawEmail.slice(0, 320) : "" };
    const at = Date.now();
    const parsed = resetWithCodeSchema.safeParse({
      email: rawEmail,
      code: formData.get("code"),
      newPassword: formData.get("newPassword"),
      newPasswordRepeat: formData.get("newPasswordRepeat") ?? undefined,
    });
    if (!parsed.success) {
      return { status: "error", code: "validation", message: msg("msg.error.checkFields"), fieldErrors: zodFieldErrors(parsed.error), values, at };
    }
    try {
      await resetPasswordWithCode(parsed.data, { ip: clientIp(await headers()) });
    } catch (error) {
      if (error instanceof ValidationError) {
        return { status: "error", code: "validation", message: error.detail, fieldErrors: error.fieldErrors, values, at };
      }
      if (error instanceof DomainError && error.code === "rate_limited") {
        return { status: "error", code: "rate_limited", message: error.detail, values, at };
      }
      console.error(error);
      return { status: "error", code: "internal", message: msg("msg.user.resetFailed"), values, at };
    }
    redirect("/signin?reset=1");
  },
  resetWithCodeSchema,
);

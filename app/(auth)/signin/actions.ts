"use server";
// The sign-in form's server action: validates the form, then lets Auth.js check the
// credentials. A wrong e-mail or password comes back as CredentialsSignin and is shown as one
// message (which of the two was wrong is not revealed). A blocked sign-in (too many failures,
// lib/auth/rate-limit.ts) comes back as a CredentialsSignin whose code carries the retry time
// and is shown as "too many failed attempts, try again at HH:MM" (msg.auth.rateLimited). The
// form's error is a Message (lib/messages.ts), shown in the browser's language.
// On success signIn() redirects.
//
// An account with a second factor signs in in two steps (lib/auth/credentials.ts): the right
// password is answered with `second_factor_required` and a short-lived token, which the form
// keeps (state.pending) and sends back with the code; no session exists before the code is
// right. A wrong code keeps the form at the second step; an expired token sends it back to the
// first.
import { z } from "zod";
import { definePublicAction } from "@/lib/actions/define";
import { signIn } from "@/lib/auth/auth";
import { authErrorInfo, SECOND_FACTOR_EXPIRED, SECOND_FACTOR_INVALID, SECOND_FACTOR_REQUIRED } from "@/lib/auth/auth-errors";
import { parseRateLimitCode, rateLimitMessage } from "@/lib/auth/rate-limit";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { msg, type Message } from "@/lib/messages";

export interface SignInState {
  error: Message | null;
  email: string;
  /** Counts attempts, so the form re-mounts its fields with the entered e-mail. */
  attempt: number;
  /** At the second step: the token of the password step (lib/auth/pending-signin.ts). */
  pending?: string | null;
}

function isSignInState(value: unknown): value is SignInState {
  if (value === null || typeof value !== "object") return false;
  const state = value as Record<string, unknown>;
  return typeof state.email === "string" && Number.isSafeInteger(state.attempt);
}

const formSchema = z.object({
  email: z.string().trim().max(320).pipe(z.email()),
  password: z.string().min(1).max(1024),
  callbackUrl: z.string().optional(),
});

const secondStepSchema = z.object({
  pending: z.string().min(1).max(2048),
  code: z.string().trim().min(1).max(64),
  callbackUrl: z.string().optional(),
});

export const signInAction = definePublicAction(
  "signIn",
  "Signing in must work without a session; Auth.js checks the credentials and the second factor, throttled by lib/auth/rate-limit.ts.",
  async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
    const t = (key: "invalidInput" | "codeMissing" | "secondFactorExpired" | "codeInvalid" | "invalidCredentials" | "failed") => msg(`signIn.${key}`);
    // The arguments are whatever the client sent (lib/actions/define.ts notAForm): a call that
    // is not the form's own is bad input.
    if (!(formData instanceof FormData) || !isSignInState(previous)) return { error: t("invalidInput"), email: "", attempt: 1 };
    const rawEmail = formData.get("email");
    const email = typeof rawEmail === "string" ? rawEmail.trim().slice(0, 320) : previous.email;
    const attempt = previous.attempt + 1;
    const rawPending = formData.get("pending");
    const secondStep = typeof rawPending === "string" && rawPending !== "";

    let credentials: Record<string, string>;
    let redirectTo: string;
    if (secondStep) {
      const parsed = secondStepSchema.safeParse({
        pending: rawPending,
        code: formData.get("code"),
        callbackUrl: formData.get("callbackUrl") ?? undefined,
      });
      if (!parsed.success) {
        // A missing code keeps the step; a token that is no token starts again.
        const pending = rawPending.length <= 2048 ? rawPending : null;
        return { error: t(pending ? "codeMissing" : "secondFactorExpired"), email, attempt, pending };
      }
      credentials = { pending: parsed.data.pending, code: parsed.data.code };
      redirectTo = safeCallbackUrl(parsed.data.callbackUrl);
    } else {
      const parsed = formSchema.safeParse({
        email: rawEmail,
        password: formData.get("password"),
        callbackUrl: formData.get("callbackUrl") ?? undefined,
      });
      if (!parsed.success) return { error: t("invalidInput"), email, attempt };
      credentials = { email: parsed.data.email, password: parsed.data.password };
      redirectTo = safeCallbackUrl(parsed.data.callbackUrl);
    }

    try {
      await signIn("credentials", { ...credentials, redirectTo });
    } catch (error) {
      const authError = authErrorInfo(error);
      if (authError) {
        const credentialsError = authError.type === "CredentialsSignin";
        const retryAt = credentialsError ? parseRateLimitCode(authError.code) : null;
        if (retryAt) return { error: rateLimitMessage(retryAt), email, attempt };
        if (credentialsError && authError.pending && (authError.code === SECOND_FACTOR_REQUIRED || authError.code === SECOND_FACTOR_INVALID)) {
          return { error: authError.code === SECOND_FACTOR_INVALID ? t("codeInvalid") : null, email, attempt, pending: authError.pending };
        }
        if (credentialsError && authError.code === SECOND_FACTOR_EXPIRED) return { error: t("secondFactorExpired"), email, attempt };
        return {
          error: credentialsError ? t("invalidCredentials") : t("failed"),
          email,
          attempt,
        };
      }
      // Next.js' redirect (success) is thrown as an error too: let it through.
      throw error;
    }
    return { error: null, email, attempt };
  },
  // The fields of both steps.
  z.object({ ...formSchema.shape, ...secondStepSchema.shape }),
);

"use server";
// The sign-in form's server action: validates the form, then lets Auth.js check the
// credentials. A wrong e-mail or password comes back as CredentialsSignin and is shown as one
// message (which of the two was wrong is not revealed). A blocked sign-in (too many failures,
// lib/auth/rate-limit.ts) comes back as a CredentialsSignin whose code carries the retry time
// and is shown as "Zu viele Fehlversuche. Bitte versuchen Sie es um HH:MM Uhr erneut.".
// On success signIn() redirects.
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { definePublicAction } from "@/lib/actions/define";
import { signIn } from "@/lib/auth/auth";
import { authErrorInfo } from "@/lib/auth/auth-errors";
import { parseRateLimitCode, rateLimitMessage } from "@/lib/auth/rate-limit";
import { safeCallbackUrl } from "@/lib/safe-redirect";

export interface SignInState {
  error: string | null;
  email: string;
  /** Counts attempts, so the form re-mounts its fields with the entered e-mail. */
  attempt: number;
}

const formSchema = z.object({
  email: z.string().trim().max(320).pipe(z.email()),
  password: z.string().min(1).max(1024),
  callbackUrl: z.string().optional(),
});

export const signInAction = definePublicAction(
  "signIn",
  "Die Anmeldung muss ohne Sitzung funktionieren; Auth.js prüft die Zugangsdaten, gedrosselt nach lib/auth/rate-limit.ts.",
  async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
    const t = await getTranslations({ locale: "de", namespace: "signIn" });
    const rawEmail = formData.get("email");
    const email = typeof rawEmail === "string" ? rawEmail.trim().slice(0, 320) : "";
    const attempt = previous.attempt + 1;
    const parsed = formSchema.safeParse({
      email: rawEmail,
      password: formData.get("password"),
      callbackUrl: formData.get("callbackUrl") ?? undefined,
    });
    if (!parsed.success) return { error: t("invalidInput"), email, attempt };

    try {
      await signIn("credentials", {
        email: parsed.data.email,
        password: parsed.data.password,
        redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
      });
    } catch (error) {
      const authError = authErrorInfo(error);
      if (authError) {
        const retryAt = authError.type === "CredentialsSignin" ? parseRateLimitCode(authError.code) : null;
        if (retryAt) return { error: rateLimitMessage(retryAt), email, attempt };
        return {
          error: authError.type === "CredentialsSignin" ? t("invalidCredentials") : t("failed"),
          email,
          attempt,
        };
      }
      // Next.js' redirect (success) is thrown as an error too: let it through.
      throw error;
    }
    return { error: null, email, attempt };
  },
);

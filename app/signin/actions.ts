"use server";
// The sign-in form's server action: validates the form, then lets Auth.js check the
// credentials. A wrong e-mail or password comes back as CredentialsSignin and is shown as one
// message (which of the two was wrong is not revealed). On success signIn() redirects.
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { getDictionary } from "@/lib/i18n";
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

export async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
  const t = getDictionary();
  const rawEmail = formData.get("email");
  const email = typeof rawEmail === "string" ? rawEmail.trim().slice(0, 320) : "";
  const attempt = previous.attempt + 1;
  const parsed = formSchema.safeParse({
    email: rawEmail,
    password: formData.get("password"),
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  if (!parsed.success) return { error: t.signIn.invalidInput, email, attempt };

  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      return {
        error: error.type === "CredentialsSignin" ? t.signIn.invalidCredentials : t.signIn.failed,
        email,
        attempt,
      };
    }
    // Next.js' redirect (success) is thrown as an error too: let it through.
    throw error;
  }
  return { error: null, email, attempt };
}

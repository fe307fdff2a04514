// Recognises the errors Auth.js throws from signIn() by their shape instead of `instanceof`, so
// that server actions need not import next-auth themselves (tests replace lib/auth/auth with
// a mock and cannot load next-auth). An AuthError has a string `type` ("CredentialsSignin",
// "CallbackRouteError", ...) and a `kind`; a CredentialsSignin also has a `code` (ours carries
// the retry time of a blocked sign-in, lib/auth/rate-limit.ts). Next.js' redirect errors have
// neither and are not matched.
//
// A sign-in that needs the second factor (lib/auth/auth.ts SecondFactorSignin) has one of the
// codes below and, for the server action only, the token of the second step as `pending` (a
// direct POST to Auth.js gets only the code, in the URL).
export const SECOND_FACTOR_REQUIRED = "second_factor_required";
export const SECOND_FACTOR_INVALID = "second_factor_invalid";
export const SECOND_FACTOR_EXPIRED = "second_factor_expired";

export interface AuthErrorInfo {
  type: string;
  code?: string;
  pending?: string;
}

export function authErrorInfo(error: unknown): AuthErrorInfo | null {
  if (!(error instanceof Error)) return null;
  const { type, kind, code, pending } = error as Error & { type?: unknown; kind?: unknown; code?: unknown; pending?: unknown };
  if (typeof type !== "string" || (kind !== "signIn" && kind !== "error")) return null;
  return { type, code: typeof code === "string" ? code : undefined, ...(typeof pending === "string" ? { pending } : {}) };
}

// Recognises the errors Auth.js throws from signIn() by their shape instead of `instanceof`, so
// that server actions need not import next-auth themselves (tests replace lib/auth/auth with
// a mock and cannot load next-auth). An AuthError has a string `type` ("CredentialsSignin",
// "CallbackRouteError", ...) and a `kind`; a CredentialsSignin also has a `code` (ours carries
// the retry time of a blocked sign-in, lib/auth/rate-limit.ts). Next.js' redirect errors have
// neither and are not matched.
export interface AuthErrorInfo {
  type: string;
  code?: string;
}

export function authErrorInfo(error: unknown): AuthErrorInfo | null {
  if (!(error instanceof Error)) return null;
  const { type, kind, code } = error as Error & { type?: unknown; kind?: unknown; code?: unknown };
  if (typeof type !== "string" || (kind !== "signIn" && kind !== "error")) return null;
  return { type, code: typeof code === "string" ? code : undefined };
}

// Whether a session (JWT) is still valid for the account: a session issued before the account's
// password was last changed or reset (or before it was deactivated) is void. `issuedAt` is the
// sign-in time the JWT carries (ms since 1970, set once at sign-in, lib/auth/auth.ts); a token
// without it predates this rule and counts as issued at 0.
export function isSessionCurrent(issuedAt: number | undefined | null, passwordChangedAt: Date | null): boolean {
  if (!passwordChangedAt) return true;
  return typeof issuedAt === "number" && Number.isFinite(issuedAt) && issuedAt >= passwordChangedAt.getTime();
}

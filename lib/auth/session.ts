// The signed-in user, for server components, layouts and server actions.
//
// requireUser() is the guard of every page and action of the newsroom: it redirects to the
// sign-in page when nobody is signed in. Call it in the layout AND in each page and action,
// because layouts do not re-run on every navigation and actions can be called directly.
// It also re-reads the account, so a deactivated user or a changed role takes effect at
// once instead of when the session cookie expires, and a session issued before the account's
// last password change or reset (User.passwordChangedAt) counts as signed out: changing a
// password ends every other session (lib/auth/session-validity.ts). The session itself must be
// live on the server (lib/auth/sessions.ts: not signed out, not idle for 12 hours, not older
// than 7 days).
//
// Where two-factor sign-in is mandatory (lib/auth/two-factor.ts), an admin or editor without a
// second factor is signed in but may only enrol: getSessionUser() answers null for them (so
// every action, API route and page that does not know about enrolment refuses them), and
// requireUser() sends them to "My account" to enrol. The few places made for enrolment ask with
// `{ beforeSecondFactor: true }` (or getSessionAccount()).
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { can, type Permission } from "./permissions";
import type { Role } from "../generated/prisma/enums";
import { auth } from "./auth";
import { resolveSession, type SessionAccount } from "./sessions";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** Where an account that must enrol a second factor is sent. */
export const ENROL_PATH = "/admin/account?twoFactor=required";

/** The signed-in account, including one that must still enrol a second factor. */
export const getSessionAccount = cache(async (): Promise<SessionAccount | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return resolveSession({ userId: id, sessionId: session.sid, issuedAt: session.issuedAt });
});

/** The signed-in user who may use the desk (null also while a mandatory enrolment is due). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const account = await getSessionAccount();
  if (!account || account.mustEnrolSecondFactor) return null;
  return { id: account.id, name: account.name, email: account.email, role: account.role };
});

export function signInUrl(callbackUrl: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(callbackUrl).replace(/%2F/g, "/")}`;
}

interface GuardOptions {
  /** The page or action is part of enrolling the second factor: allowed before it is done. */
  beforeSecondFactor?: boolean;
}

/**
 * The signed-in user; redirects to the sign-in page (and back to `callbackUrl`) otherwise, and
 * to the enrolment when a mandatory second factor is missing.
 */
export async function requireUser(callbackUrl = "/admin", options: GuardOptions = {}): Promise<SessionUser> {
  const account = await getSessionAccount();
  if (!account) redirect(signInUrl(callbackUrl));
  if (account.mustEnrolSecondFactor && !options.beforeSecondFactor) redirect(ENROL_PATH);
  return { id: account.id, name: account.name, email: account.email, role: account.role };
}

/**
 * The signed-in user with `permission`; anonymous visitors go to the sign-in page, users
 * without the permission get the not-found page (a page they may not use does not exist for
 * them).
 */
export async function requirePermission(permission: Permission, callbackUrl: string, options: GuardOptions = {}): Promise<SessionUser> {
  const user = await requireUser(callbackUrl, options);
  if (!can(user.role, permission)) notFound();
  return user;
}

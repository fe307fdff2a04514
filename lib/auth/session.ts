// The signed-in user, for server components, layouts and server actions.
//
// requireUser() is the guard of every page and action of the newsroom: it redirects to the
// sign-in page when nobody is signed in. Call it in the layout AND in each page and action,
// because layouts do not re-run on every navigation and actions can be called directly.
// It also re-reads the account, so a deactivated user or a changed role takes effect at
// once instead of when the session cookie expires, and a session issued before the account's
// last password change or reset (User.passwordChangedAt) counts as signed out: changing a
// password ends every other session (lib/auth/session-validity.ts).
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { can, type Permission } from "./permissions";
import type { Role } from "../generated/prisma/enums";
import { db } from "../db/client";
import { auth } from "./auth";
import { isSessionCurrent } from "./session-validity";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, active: true, passwordChangedAt: true },
  });
  if (!user || !user.active) return null;
  if (!isSessionCurrent(session.issuedAt, user.passwordChangedAt)) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
});

export function signInUrl(callbackUrl: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(callbackUrl).replace(/%2F/g, "/")}`;
}

/** The signed-in user; redirects to the sign-in page (and back to `callbackUrl`) otherwise. */
export async function requireUser(callbackUrl = "/admin"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(signInUrl(callbackUrl));
  return user;
}

/**
 * The signed-in user with `permission`; anonymous visitors go to the sign-in page, users
 * without the permission get the not-found page (a page they may not use does not exist for
 * them).
 */
export async function requirePermission(permission: Permission, callbackUrl: string): Promise<SessionUser> {
  const user = await requireUser(callbackUrl);
  if (!can(user.role, permission)) notFound();
  return user;
}

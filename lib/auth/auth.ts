// Auth.js (next-auth v5): e-mail + password sign-in against User.passwordHash, JWT sessions.
// The session carries the user's id, role, name and e-mail; pages that need a signed-in user
// call requireUser() (lib/auth/session.ts), which also re-checks the account in the database.
//
// Environment: AUTH_SECRET (at least 32 characters) signs the session cookie; the launcher
// sets it. `trustHost` lets Auth.js take the host from the request (self-hosted behind any
// name or port).
import NextAuth, { CredentialsSignin, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import type { Role } from "../generated/prisma/enums";
import { db } from "../db/client";
import { hashPassword, verifyPassword } from "./password";

declare module "@auth/core/types" {
  interface User {
    role?: Role;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: Role;
  }
}

const credentialsSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email())
    .refine((v) => v.length <= 320),
  // Long enough for any passphrase, short enough that hashing it cannot be abused.
  password: z.string().min(1).max(1024),
});

// Verifying against a throwaway hash when the account does not exist makes a failed sign-in
// take as long for an unknown e-mail as for a wrong password (no account enumeration by timing).
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-such-account-${Math.random()}`);
  return dummyHash;
}

function clientIp(request: Request | undefined): string | null {
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request?.headers.get("x-real-ip") || null;
}

type FailureReason = "invalid_input" | "unknown_user" | "inactive" | "wrong_password";

async function audit(
  action: "signin.success" | "signin.failure",
  entry: { userId?: string | null; email?: string | null; ip: string | null; reason?: FailureReason },
): Promise<void> {
  try {
    await db.auditEvent.create({
      data: {
        action,
        userId: entry.userId ?? null,
        email: entry.email ?? null,
        ip: entry.ip,
        details: entry.reason ? { reason: entry.reason } : undefined,
      },
    });
  } catch (error) {
    // The audit log must not lock everyone out; the failure goes to the server log.
    console.error("Could not write the audit event", action, error);
  }
}

export async function authorizeCredentials(credentials: unknown, request?: Request): Promise<User | null> {
  const ip = clientIp(request);
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) {
    const raw = (credentials as { email?: unknown } | null)?.email;
    await audit("signin.failure", {
      email: typeof raw === "string" ? raw.slice(0, 320).toLowerCase() : null,
      ip,
      reason: "invalid_input",
    });
    return null;
  }
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
  });
  if (!user) {
    await verifyPassword(await getDummyHash(), password);
    await audit("signin.failure", { email, ip, reason: "unknown_user" });
    return null;
  }
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || !user.active) {
    await audit("signin.failure", { userId: user.id, email, ip, reason: valid ? "inactive" : "wrong_password" });
    return null;
  }
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await audit("signin.success", { userId: user.id, email, ip });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export const { auth, signIn, signOut, handlers } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt" },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-Mail", type: "email" }, password: { label: "Passwort", type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, request),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // `user` is set only at sign-in: copy what the session needs into the token.
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.name = user.name;
        token.email = user.email;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.sub ?? "";
        session.user.role = token.role;
        session.user.name = token.name ?? null;
        session.user.email = token.email ?? "";
      }
      return session;
    },
  },
  logger: {
    error(error) {
      // A wrong password is an expected event (audited above), not a server error.
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
});

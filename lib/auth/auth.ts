// Auth.js (next-auth v5): e-mail + password sign-in against User.passwordHash, JWT sessions.
// The session carries the user's id, role, name and e-mail and the time of the sign-in
// (`issuedAt`); pages that need a signed-in user call requireUser() (lib/auth/session.ts),
// which re-checks the account in the database and treats a session issued before the
// account's last password change (User.passwordChangedAt) as signed out.
//
// Environment: AUTH_SECRET (at least 32 characters) signs the session cookie; the launcher
// sets it. `trustHost` lets Auth.js take the host from the request (self-hosted behind any
// name or port): X-Forwarded-Host, else Host. The X-Forwarded-* headers reach Next.js only from
// a proxy listed in CLAIMBASE_TRUSTED_PROXIES: the preload scripts/trusted-proxies.cjs (npm
// start) drops a client's own, and Next.js then sets them from the connection and Host.
//
// Cookies (checked against @auth/core 's defaultCookies and createActionURL): every Auth.js
// cookie (session token, CSRF token, callback URL) is httpOnly and SameSite=Lax. `Secure` (and
// the __Secure-/__Host- name prefixes) follows `useSecureCookies`, which Auth.js derives per
// request from the URL's protocol; with `trustHost` (and no AUTH_URL) that URL is built from
// X-Forwarded-Proto / Host (see above: from a trusted proxy, else from the connection). So over
// HTTPS, directly or behind a trusted TLS proxy that sends X-Forwarded-Proto: https, the cookies
// are Secure; on plain http://localhost they are not (browsers would drop them), nor behind a
// TLS proxy missing from CLAIMBASE_TRUSTED_PROXIES (its X-Forwarded-Proto is dropped, and the
// request looks like plain http). Setting AUTH_URL=https://... fixes the protocol regardless of
// headers. We therefore do not set useSecureCookies ourselves: a fixed value would either break
// local http or drop Secure behind a proxy. The cookie attributes are pinned below anyway, so a
// change of the library defaults cannot silently weaken them.
//
// Throttling: see lib/auth/rate-limit.ts. A blocked attempt throws RateLimitedSignin, whose
// `code` carries the retry time to the sign-in form (app/signin/actions.ts).
import NextAuth, { CredentialsSignin, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Role } from "../generated/prisma/enums";
import { authorizeCredentials, SignInBlockedError } from "./credentials";
import { rateLimitCode } from "./rate-limit";

declare module "@auth/core/types" {
  interface User {
    role?: Role;
  }
  interface Session {
    /** When the user signed in (ms since 1970); see lib/auth/session-validity.ts. */
    issuedAt?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: Role;
    /** Set once, at sign-in; a refresh of the token keeps it. */
    issuedAt?: number;
  }
}

/**
 * A sign-in refused because of too many failures. Auth.js passes a CredentialsSignin thrown by
 * `authorize` on unchanged: to the sign-in server action as the thrown error, or, for a direct
 * POST to /api/auth/callback/credentials, into the redirect to /signin as `?code=`.
 */
export class RateLimitedSignin extends CredentialsSignin {
  constructor(readonly retryAt: Date) {
    super();
    this.code = rateLimitCode(retryAt);
  }
}

async function authorize(credentials: unknown, request: Request | undefined): Promise<User | null> {
  try {
    return await authorizeCredentials(credentials, request);
  } catch (error) {
    if (error instanceof SignInBlockedError) throw new RateLimitedSignin(error.retryAt);
    throw error;
  }
}

export const { auth, signIn, signOut, handlers } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt" },
  // The library defaults, pinned (see the comment at the top): httpOnly, SameSite=Lax, Secure
  // and the __Secure- prefix over HTTPS.
  cookies: {
    sessionToken: { options: { httpOnly: true, sameSite: "lax", path: "/" } },
    callbackUrl: { options: { httpOnly: true, sameSite: "lax", path: "/" } },
    csrfToken: { options: { httpOnly: true, sameSite: "lax", path: "/" } },
  },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-Mail", type: "email" }, password: { label: "Passwort", type: "password" } },
      authorize: (credentials, request) => authorize(credentials, request),
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
        token.issuedAt = Date.now();
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
      session.issuedAt = token.issuedAt;
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

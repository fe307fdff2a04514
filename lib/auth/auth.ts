// Auth.js (next-auth v5): e-mail + password sign-in against User.passwordHash, then the second
// factor where the account has one (lib/auth/credentials.ts), JWT sessions. The session carries
// the user's id, role, name and e-mail, the time of the sign-in (`issuedAt`) and the id of its
// row on the server (`sid`, lib/auth/sessions.ts); pages that need a signed-in user call
// requireUser() (lib/auth/session.ts), which re-checks the account and the session row in the
// database: a revoked, idle or too old session, or one issued before the account's last
// password change (User.passwordChangedAt), counts as signed out. Signing out revokes the row
// (events.signOut below, and the desk's sign-out action), not just the cookie.
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
import { db } from "../db/client";
import { SECOND_FACTOR_EXPIRED, SECOND_FACTOR_INVALID, SECOND_FACTOR_REQUIRED } from "./auth-errors";
import { authorizeCredentials, SecondFactorExpiredError, SecondFactorRequiredError, SignInBlockedError } from "./credentials";
import { rateLimitCode } from "./rate-limit";
import { endSession, MAX_AGE_MS } from "./sessions";

declare module "@auth/core/types" {
  interface User {
    role?: Role;
    /** The UserSession row started by this sign-in. */
    sessionId?: string;
  }
  interface Session {
    /** When the user signed in (ms since 1970); see lib/auth/session-validity.ts. */
    issuedAt?: number;
    /** The UserSession row (lib/auth/sessions.ts). */
    sid?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: Role;
    /** Set once, at sign-in; a refresh of the token keeps it. */
    issuedAt?: number;
    /** The UserSession row, set once at sign-in. */
    sid?: string;
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

/**
 * The password was right and the second factor is needed (or the code was wrong). `pending`,
 * the token for the second step, reaches only the sign-in server action (as a property of the
 * thrown error); a direct POST gets just the code in the URL.
 */
export class SecondFactorSignin extends CredentialsSignin {
  constructor(readonly pending: string, invalid: boolean) {
    super();
    this.code = invalid ? SECOND_FACTOR_INVALID : SECOND_FACTOR_REQUIRED;
  }
}

export class SecondFactorExpiredSignin extends CredentialsSignin {
  code = SECOND_FACTOR_EXPIRED;
}

async function authorize(credentials: unknown, request: Request | undefined): Promise<User | null> {
  try {
    return await authorizeCredentials(credentials, request);
  } catch (error) {
    if (error instanceof SignInBlockedError) throw new RateLimitedSignin(error.retryAt);
    if (error instanceof SecondFactorRequiredError) throw new SecondFactorSignin(error.pending, error.invalid);
    if (error instanceof SecondFactorExpiredError) throw new SecondFactorExpiredSignin();
    throw error;
  }
}

export const { auth, signIn, signOut, handlers } = NextAuth({
  trustHost: true,
  // The cookie lives as long as a session may (7 days); the row on the server decides sooner
  // (idle lifetime, revocation).
  session: { strategy: "jwt", maxAge: MAX_AGE_MS / 1000 },
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
      credentials: {
        email: { label: "E-Mail", type: "email" },
        password: { label: "Passwort", type: "password" },
        // The second factor: a code, with the password or with `pending` (lib/auth/credentials.ts).
        code: { label: "Code", type: "text" },
        pending: { type: "hidden" },
      },
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
        token.sid = user.sessionId;
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
      session.sid = token.sid;
      return session;
    },
  },
  events: {
    // Every sign-out through Auth.js (the desk's action and a POST to /api/auth/signout) ends
    // the session on the server too.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      await endSession(db, sid);
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

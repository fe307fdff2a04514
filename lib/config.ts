// Settings from the environment, validated once at start. A bad value stops the program
// with a message naming the variable, what was given and what is expected.
import { z } from "zod";
import { parseTrustedProxies, type TrustedProxies } from "./trusted-proxies.cjs";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], {
    error: 'expected one of "true" or "false"',
  })
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const settingsSchema = z.object({
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "expected a port number" })
      .int("expected a whole number")
      .min(1, "expected a port number between 1 and 65535")
      .max(65535, "expected a port number between 1 and 65535")
      .default(3000),
  ),
  // The address to listen on (all addresses when unset); 127.0.0.1 keeps the app local.
  HOST: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(?:[a-z0-9.-]+|\[?[0-9a-f:.]+\]?)$/i, "expected a host name or an IP address, like 127.0.0.1")
      .optional(),
  ),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "expected a postgresql:// connection URL")
      .optional(),
  ),
  // The address readers reach the public site at: the only source of absolute URLs (canonical,
  // hreflang, ClaimReview, feed, sitemap, oEmbed). Unset: http://localhost:PORT (see
  // publicUrlOf). Never taken from a request's Host or X-Forwarded-Host.
  CLAIMBASE_PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((v) => parsePublicUrl(v) !== null, "expected the site's address without a path, like https://faktencheck.example")
      .transform((v) => parsePublicUrl(v)!)
      .optional(),
  ),
  // The reverse proxies whose X-Forwarded-For/-Host/-Proto are believed: addresses and CIDR
  // ranges, comma-separated; unset trusts nobody. The rule is lib/trusted-proxies.cjs; the
  // preload scripts/trusted-proxies.cjs applies it to every request before Next.js sees it.
  CLAIMBASE_TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v, ctx): TrustedProxies => {
      try {
        return parseTrustedProxies(v);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  // Requests per minute one client address may make to the public API (/api/v1, lib/api/
  // rate-limit.ts), counted on each app server; 0: no limit.
  CLAIMBASE_API_RATE_LIMIT: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: "expected a number of requests per minute" }).int("expected a whole number").min(0).max(1_000_000).default(120),
  ),
  CLAIMBASE_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./.data")),
  AUTH_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32, "expected at least 32 characters (for example: openssl rand -base64 32)").optional(),
  ),
  CLAIMBASE_ADMIN_EMAIL: z.preprocess(
    emptyToUndefined,
    z.email("expected an e-mail address").default("admin@claimbase.local"),
  ),
  CLAIMBASE_ADMIN_PASSWORD: z.preprocess(
    emptyToUndefined,
    z.string().min(12, "expected at least 12 characters").optional(),
  ),
  CLAIMBASE_DEMO: z.preprocess(emptyToUndefined, booleanFlag.default(true)),
  // For tests only (the browser tests sign in as the demo accounts): the one password the demo
  // accounts get when they are created. Unset, each gets its own generated password.
  CLAIMBASE_DEMO_PASSWORD: z.preprocess(
    emptyToUndefined,
    z.string().min(12, "expected at least 12 characters").optional(),
  ),
});

export type Settings = z.infer<typeof settingsSchema>;

/** An http(s) URL with no path, query or credentials, as an origin (`https://host[:port]`); else null. */
export function parsePublicUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    const bare = url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
    return (url.protocol === "http:" || url.protocol === "https:") && bare ? url.origin : null;
  } catch {
    return null;
  }
}

/** The public site's origin: CLAIMBASE_PUBLIC_URL, else http://localhost:PORT. */
export function publicUrlOf(settings: Pick<Settings, "CLAIMBASE_PUBLIC_URL" | "PORT">): string {
  return settings.CLAIMBASE_PUBLIC_URL ?? `http://localhost:${settings.PORT}`;
}

/**
 * CLAIMBASE_TRUSTED_PROXIES as the Next.js process gets it (normalized, comma-separated, empty
 * for nobody), for the preload scripts/trusted-proxies.cjs.
 */
export function trustedProxiesOf(settings: Pick<Settings, "CLAIMBASE_TRUSTED_PROXIES">): string {
  return settings.CLAIMBASE_TRUSTED_PROXIES.entries.join(",");
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "SettingsError";
  }
}

export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  const result = settingsSchema.safeParse(env);
  if (result.success) return result.data;
  throw new SettingsError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const given = env[name];
      // Never echo secrets back.
      const shown = /PASSWORD|SECRET/.test(name) ? "(hidden)" : JSON.stringify(given);
      return `${name}=${shown}: ${issue.message}`;
    }),
  );
}

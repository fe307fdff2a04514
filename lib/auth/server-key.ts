// Keys for the server's own secrets, derived from AUTH_SECRET (which already signs the session
// cookies and is kept by the launcher, lib/launcher/auth-secret.ts): one key per purpose, so a
// key used for one thing never works for another (HKDF-SHA256 with the purpose as `info`).
//
// Used for: the encryption of TOTP secrets at rest, the signature of the short-lived token
// between the password step and the second-factor step of the sign-in, and the public API's
// opaque page cursors (lib/api/cursor.ts).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export type KeyPurpose = "totp-secret" | "pending-signin" | "api-cursor";

function authSecret(env: Record<string, string | undefined>): string {
  const secret = env.AUTH_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error("AUTH_SECRET is not set (at least 32 characters); `npm start` sets it.");
  }
  return secret;
}

export function serverKey(purpose: KeyPurpose, env: Record<string, string | undefined> = process.env): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(env), "claimbase", `claimbase/${purpose}`, 32));
}

const VERSION = "v1";

/** AES-256-GCM: "v1:" + base64url(iv · tag · ciphertext). */
export function encryptSecret(plain: string, purpose: KeyPurpose = "totp-secret"): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", serverKey(purpose), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/**
 * The plain text of encryptSecret's output; null when it cannot be read (tampered with, or
 * encrypted under another AUTH_SECRET: after a change of AUTH_SECRET the stored TOTP secrets
 * are unreadable, and their owners sign in with a recovery code or get a reset by an admin).
 */
export function decryptSecret(stored: string, purpose: KeyPurpose = "totp-secret"): string | null {
  if (!stored.startsWith(`${VERSION}:`)) return null;
  const raw = Buffer.from(stored.slice(VERSION.length + 1), "base64url");
  if (raw.length < 12 + 16 + 1) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", serverKey(purpose), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

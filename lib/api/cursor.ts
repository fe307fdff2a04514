// The public API's page cursors (`cursor`, `nextCursor`; `pageToken` of claims:search): opaque to
// clients, and tamper-proof. A cursor holds the key of the last item of a page (lib/public/
// keyset.ts; an offset for ranked searches) and the query it belongs to; it is encrypted and
// authenticated (AES-256-GCM under a key derived from AUTH_SECRET for this purpose only,
// lib/auth/server-key.ts), because a key may hold an internal id (a quote's), which the public
// never sees. The nonce is derived from the plain text (HMAC), so the same page always gets the
// same cursor and a page's answer the same ETag; equal cursors for equal contents is all that
// reveals. A cursor that does not decrypt, or was made for another endpoint or other filters, is
// refused (400 invalid_cursor). Cursors become invalid when AUTH_SECRET changes.
import { createCipheriv, createDecipheriv, createHmac } from "node:crypto";
import { serverKey } from "../auth/server-key";

const VERSION = "c1";

function keys(): { enc: Buffer; mac: Buffer } {
  const key = serverKey("api-cursor");
  return { enc: key, mac: createHmac("sha256", key).update("nonce").digest() };
}

/** A canonical JSON of the query a cursor belongs to (keys sorted, empty values left out). */
export function queryBinding(endpoint: string, query: Record<string, unknown>): string {
  const entries = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([endpoint, entries]);
}

/** The cursor of `position` for a query (queryBinding). */
export function encodeCursor(binding: string, position: unknown): string {
  const { enc, mac } = keys();
  const plain = Buffer.from(JSON.stringify({ b: binding, p: position }), "utf8");
  const iv = createHmac("sha256", mac).update(plain).digest().subarray(0, 12);
  const cipher = createCipheriv("aes-256-gcm", enc, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The position a cursor holds, or null when it is not a cursor of this query. */
export function decodeCursor(binding: string, cursor: string): unknown | null {
  if (!cursor.startsWith(VERSION) || cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(cursor.slice(VERSION.length))) return null;
  const raw = Buffer.from(cursor.slice(VERSION.length), "base64url");
  if (raw.length < 12 + 16 + 1) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keys().enc, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const plain = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8")) as { b?: unknown; p?: unknown };
    return plain.b === binding && plain.p !== undefined ? plain.p : null;
  } catch {
    return null;
  }
}

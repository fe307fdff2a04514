// AUTH_SECRET signs session cookies. When it is not set, one is generated on first start and
// kept in the data folder, so sessions survive restarts. Several app servers behind a load
// balancer must share one: set AUTH_SECRET for them.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function authSecretFor(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  const file = path.join(dataDir, "auth-secret");
  if (fs.existsSync(file)) {
    const stored = fs.readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

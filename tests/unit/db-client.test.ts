// lib/db/client.ts in the production build: Next.js bundles it into several chunks, each a copy
// with its own module scope, and they share the app's client through globalThis. poolOf(db)
// must find the client's pool from any copy (the sign-in's throttle asks for it), or the sign-in
// fails with Auth.js's "Configuration" error. Found by the fuzz drill (npm run drill -- fuzz),
// whose sign-in got exactly that.
import { afterEach, describe, expect, it, vi } from "vitest";

type ClientModule = typeof import("../../lib/db/client");
const globals = globalThis as { claimbaseDb?: { $disconnect(): Promise<void> } };

afterEach(async () => {
  await globals.claimbaseDb?.$disconnect().catch(() => undefined);
  delete globals.claimbaseDb;
  vi.unstubAllEnvs();
});

describe("poolOf", () => {
  it("finds the app client's pool from another copy of the module", async () => {
    // Never connected to: pg connects on the first query.
    vi.stubEnv("DATABASE_URL", "postgres://drill:drill@127.0.0.1:1/none");
    vi.resetModules();
    const first = (await import("../../lib/db/client")) as ClientModule;
    const pool = first.poolOf(first.db); // makes the app's client, in this copy
    vi.resetModules();
    const second = (await import("../../lib/db/client")) as ClientModule;
    expect(second).not.toBe(first);
    expect(second.poolOf(second.db)).toBe(pool);
  });

  it("still refuses a client it did not make", async () => {
    const { poolOf } = await import("../../lib/db/client");
    expect(() => poolOf({} as never)).toThrow(/not a client made by createPrismaClient/);
  });
});

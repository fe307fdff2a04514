// The app's own client (`db` of lib/db/client.ts, what pages and actions use when no client is
// passed) with the editorial layer's transactions. The domain's tests pass a client of their
// own, so this is the one place that checks `db` itself: a write that spans records through
// `db` must be one transaction. It was not: `db` is a Proxy without a `has` trap, so
// inTransaction took it for a transaction's client and ran the work in autocommit (found by
// the fuzz drill, as two claims created at once getting the same slug).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../lib/editorial/records";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
let db: typeof import("../../lib/db/client").db;
const globals = globalThis as { claimbaseDb?: { $disconnect(): Promise<void> } };

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ({ db } = await import("../../lib/db/client"));
});
afterAll(async () => {
  await globals.claimbaseDb?.$disconnect();
  delete globals.claimbaseDb;
  delete process.env.DATABASE_URL;
  await t?.stop();
});

describe("the app's client", () => {
  it("is a client, not a transaction's", () => {
    expect("$transaction" in db).toBe(true);
  });

  it("runs inTransaction's work in one transaction: a failure takes back every write", async () => {
    const failed = inTransaction(async (tx) => {
      await tx.topic.create({ data: { slug: "rollback-a", nameDe: "A", nameEn: "A" } });
      await tx.topic.create({ data: { slug: "rollback-b", nameDe: "B", nameEn: "B" } });
      throw new Error("the second step fails");
    });
    await expect(failed).rejects.toThrow("the second step fails");
    expect(await db.topic.count({ where: { slug: { startsWith: "rollback-" } } })).toBe(0);

    // And the transaction is one connection: what it wrote it reads, others do not yet.
    await inTransaction(async (tx) => {
      await tx.topic.create({ data: { slug: "rollback-c", nameDe: "C", nameEn: "C" } });
      expect(await tx.topic.count({ where: { slug: "rollback-c" } })).toBe(1);
      expect(await t.db.topic.count({ where: { slug: "rollback-c" } })).toBe(0);
    });
    expect(await t.db.topic.count({ where: { slug: "rollback-c" } })).toBe(1);
  });
});

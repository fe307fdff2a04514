// The desk's import API (app/api/admin/import): a file streamed into the preview, its progress,
// and clear 4xx answers for what cannot be imported (nothing written then). Auth.js' session
// lookup is replaced by an editor's session, as in authorization.test.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string }; sid: string } }));
vi.mock("../../lib/auth/auth", () => ({
  auth: vi.fn(async () => session.current),
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  handlers: { GET: vi.fn(), POST: vi.fn() },
}));

let t: Awaited<ReturnType<typeof import("../helpers/db").createTestDatabase>>;

beforeAll(async () => {
  const { createTestDatabase } = await import("../helpers/db");
  const { bootstrap } = await import("../../lib/seed/bootstrap");
  const { loadSettings } = await import("../../lib/config");
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the app's own `db` (lib/db/client.ts) uses this
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  const editor = await t.db.user.findUniqueOrThrow({ where: { email: "redaktion@claimbase.local" } });
  const { startSession } = await import("../../lib/auth/sessions");
  session.current = { user: { id: editor.id }, sid: await startSession(t.db, editor.id) };
});
afterAll(async () => {
  const { db } = await import("../../lib/db/client");
  await db.$disconnect().catch(() => {});
  await t?.stop();
});

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function start(body: unknown, contentType = "application/json") {
  const { POST } = await import("../../app/api/admin/import/route");
  return POST(new Request("http://localhost/api/admin/import", { method: "POST", body: JSON.stringify(body), headers: { "content-type": contentType } }));
}

/** A request body that arrives in pieces, as an upload does. */
function streamed(parts: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      const next = parts.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(typeof next === "string" ? new TextEncoder().encode(next) : next);
    },
  });
}

async function put(id: string, parts: (string | Uint8Array)[]) {
  const route = await import("../../app/api/admin/import/[id]/route");
  return route.PUT(new Request(`http://localhost/api/admin/import/${id}`, { method: "PUT", body: streamed(parts), duplex: "half" } as RequestInit), ctx(id));
}

describe("the import API", () => {
  it("starts an import, reads the streamed file into the preview, reports progress", async () => {
    const started = await start({ kind: "external", filename: "feed.csv" });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const response = await put(id, ["url;claim;publisher;rat", "ing\nhttps://a.example/1;Eine Aussage;P;falsch\n", "https://a.example/2;Zweite;P;richtig\n"]);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "previewed", total: 2, counts: { create: 2 } });
    const route = await import("../../app/api/admin/import/[id]/route");
    const progress = await route.GET(new Request(`http://localhost/api/admin/import/${id}`), ctx(id));
    expect(await progress.json()).toMatchObject({ status: "previewed", processed: 2, total: 2 });
    // The same batch takes one file.
    const again = await put(id, ["claim\nx\n"]);
    expect(again.status).toBe(409);
    // A code, the reason in English, and the domain's Message for the desk to show in its language.
    expect(await again.json()).toMatchObject({ error: "transition", message: expect.stringMatching(/already been read/), detail: { key: "msg.import.alreadyRead" } });
    expect(await t.db.externalFactCheck.count()).toBe(0);
  });

  it("answers 422 with the reason for a file that cannot be imported, and writes nothing", async () => {
    const { id } = (await (await start({ kind: "external" })).json()) as { id: string };
    const response = await put(id, ["claim,publisher,rating\n", new Uint8Array([0xff, 0xfe, 0x00])]);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ status: "failed", error: "not_utf8", message: "The file is not encoded in UTF-8 (in Excel: save as “CSV UTF-8”)." });
    expect(await t.db.importRow.count({ where: { batchId: id } })).toBe(0);
  });

  it("refuses bad starts with 4xx: not JSON, an unknown kind, a file too large, an unknown import", async () => {
    expect((await start({ kind: "external" }, "text/plain")).status).toBe(415);
    const badKind = await start({ kind: "verdicts" });
    expect(badKind.status).toBe(400);
    expect(await badKind.json()).toMatchObject({ error: "bad_input", message: expect.stringMatching(/kind/) });
    const route = await import("../../app/api/admin/import/[id]/route");
    const { id } = (await (await start({ kind: "external" })).json()) as { id: string };
    const tooLarge = await route.PUT(
      new Request(`http://localhost/api/admin/import/${id}`, { method: "PUT", body: "x", headers: { "content-length": String(2 ** 40) } }),
      ctx(id),
    );
    expect(tooLarge.status).toBe(413);
    expect((await route.GET(new Request("http://localhost/api/admin/import/nope"), ctx("nope"))).status).toBe(404);
  });
});

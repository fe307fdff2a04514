// "Similar existing records" while typing: trigram matches over speaker names and aliases and
// over claim texts (any status), with the query as a bound parameter; and the API route that
// serves them to the desk only.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadSettings } from "../../lib/config";
import { similarClaims, similarSpeakers } from "../../lib/editorial/similar";
import { bootstrap } from "../../lib/seed/bootstrap";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const session = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string; role: string } }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
});
afterAll(() => t?.stop());

describe("similarSpeakers", () => {
  it("finds Wladimir Putin for a misspelt name", async () => {
    const found = await similarSpeakers("Wladimir Putn", {}, t.db);
    expect(found[0]?.name).toBe("Wladimir Putin");
    expect(found[0]?.score).toBeGreaterThan(0.5);
    expect(found.length).toBeLessThanOrEqual(5);
  });

  it("finds a speaker through an alias and says which alias matched", async () => {
    const found = await similarSpeakers("Kremlchef", {}, t.db);
    expect(found[0]).toMatchObject({ name: "Wladimir Putin", alias: "Kremlchef", score: 1 });
    // one entry per speaker, even when name and aliases match
    const putin = await similarSpeakers("Putin", {}, t.db);
    expect(putin.filter((s) => s.name === "Wladimir Putin")).toHaveLength(1);
  });

  it("leaves out the speaker being edited, and answers nothing for short or unlike input", async () => {
    const putin = await t.db.speaker.findUniqueOrThrow({ where: { slug: "wladimir-putin" } });
    expect((await similarSpeakers("Wladimir Putin", { excludeId: putin.id }, t.db)).map((s) => s.id)).not.toContain(putin.id);
    expect(await similarSpeakers("Pu", {}, t.db)).toEqual([]);
    expect(await similarSpeakers("Xyzzyqux", {}, t.db)).toEqual([]);
  });

  it("treats the query as data, not SQL", async () => {
    expect(await similarSpeakers(`'; DROP TABLE "Speaker"; --`, {}, t.db)).toEqual([]);
    expect(await t.db.speaker.count()).toBeGreaterThan(0);
  });
});

describe("similarClaims", () => {
  it("finds the 95-percent claim, with its status", async () => {
    const found = await similarClaims("95 Prozent Herrschaftsgebiet IS", {}, t.db);
    expect(found[0]?.text).toBe("Allerdings hat der IS bereits 95 Prozent seines Herrschaftsgebietes in Syrien und im Irak verloren.");
    expect(found[0]?.status).toBe("published");
    expect(found.length).toBeLessThanOrEqual(5);
  });

  it("finds claims in every status (drafts too: this is the newsroom)", async () => {
    const found = await similarClaims("Tillerson und Lawrow Papier ausgehandelt", {}, t.db);
    expect(found[0]?.text).toMatch(/^Die Außenminister Rex Tillerson und Sergej Lawrow/);
    expect(found[0]?.status).toBe("draft");
  });
});

describe("GET /api/admin/similar", () => {
  const call = async (query: string) => {
    (globalThis as { claimbaseDb?: unknown }).claimbaseDb = t.db;
    const { GET } = await import("../../app/api/admin/similar/route");
    const res = await GET(new Request(`http://localhost/api/admin/similar?${query}`));
    return { status: res.status, body: (await res.json()) as { items?: { label: string; href: string; alias?: string | null; status?: string }[]; error?: string } };
  };

  it("answers 401 without a session and 403 without desk access", async () => {
    session.user = null;
    expect((await call("kind=speaker&q=Putin")).status).toBe(401);
    session.user = { id: "x", name: "X", email: "x@example.org", role: "guest" };
    expect((await call("kind=speaker&q=Putin")).status).toBe(403);
  });

  it("validates kind and the minimum length", async () => {
    session.user = { id: "x", name: "X", email: "x@example.org", role: "contributor" };
    expect((await call("kind=user&q=Putin")).status).toBe(400);
    const short = await call("kind=speaker&q=Pu");
    expect(short.status).toBe(400);
    expect(short.body.error).toMatch(/at least 3 characters/);
  });

  it("returns links to the desk's records", async () => {
    session.user = { id: "x", name: "X", email: "x@example.org", role: "contributor" };
    const speakers = await call(`kind=speaker&q=${encodeURIComponent("Kremlchef")}`);
    expect(speakers.status).toBe(200);
    // Data, not words: the component names the alias and the status in the page's language.
    expect(speakers.body.items?.[0]).toMatchObject({ label: "Wladimir Putin", alias: "Kremlchef" });
    expect(speakers.body.items?.[0]?.href).toMatch(/^\/admin\/speakers\/\w+$/);
    const claims = await call(`kind=claim&q=${encodeURIComponent("95 Prozent Herrschaftsgebiet IS")}`);
    expect(claims.body.items?.[0]?.href).toMatch(/^\/admin\/claims\/\w+$/);
    expect(claims.body.items?.[0]?.status).toBe("published");
  });
});

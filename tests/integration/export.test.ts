// The exports (lib/export; docs/api.md "Exports"): public claims, quotes and speakers as CSV and
// JSON Lines, streamed in keyset pages (a page is read when the reader wants the next chunk,
// so memory is bounded by the page size), with the import's column names (our claims CSV
// imports as a back catalogue without a bad row), JSON Lines lines that are the API's objects,
// formulas escaped for spreadsheets, from the desk's route (a session needed) and the command.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import "../helpers/next-runtime";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { bootstrap } from "../../lib/seed/bootstrap";
import { loadSettings } from "../../lib/config";
import { CLAIM_COLUMNS, QUOTE_COLUMNS, SPEAKER_COLUMNS, exportChunks } from "../../lib/export";
import { textStream } from "../../lib/api/feed";
import { claimSchema, quoteSchema, speakerSummarySchema } from "../../lib/api/schemas";
import { importFile } from "../../lib/import";
import { publicClaimWhere, publicSpeakerWhere } from "../../lib/public";
import type { Db } from "../../lib/db/client";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string }; sid: string } }));
vi.mock("../../lib/auth/auth", () => ({
  auth: vi.fn(async () => session.current),
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  handlers: { GET: vi.fn(), POST: vi.fn() },
}));

const ROOT = path.resolve(import.meta.dirname, "../..");
let t: TestDatabase;
let publicSlugs: string[];

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  process.env.CLAIMBASE_PUBLIC_URL = "https://faktencheck.example";
  await bootstrap(t.db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
  publicSlugs = (await t.db.claim.findMany({ where: publicClaimWhere, select: { slug: true } })).map((c) => c.slug);
});
afterAll(async () => {
  const { db } = await import("../../lib/db/client");
  await db.$disconnect().catch(() => {});
  await t?.stop();
});

async function collect(chunks: AsyncGenerator<string>): Promise<string> {
  let out = "";
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe("CSV", () => {
  it("claims: one row per public claim, the documented columns, import-compatible", async () => {
    const csv = await collect(exportChunks("claims", "csv", { client: t.db, pageSize: 3 }));
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CLAIM_COLUMNS]);
    expect(rows.map((r) => r.slug).sort()).toEqual([...publicSlugs].sort());
    const row = rows.find((r) => r.verdict)!;
    expect(row.url).toBe(`https://faktencheck.example/claims/${row.slug}`);
    expect(row.url_en).toBe(`https://faktencheck.example/en/claims/${row.slug}`);
    expect(row.publisher_site).toBe("faktencheck.example");
    expect(row.review_date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // A Claimbase export is another newsroom's back catalogue: every row reads as one of its
    // own verdicts (the rows of retracted claims too), none is refused.
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: "redaktion@claimbase.local" } });
    const preview = await importFile(
      { id: admin.id, role: admin.role },
      { kind: "own", filename: "claimbase-claims.csv" },
      (async function* () {
        yield csv;
      })(),
      {},
      t.db,
    );
    expect(preview.status).toBe("previewed");
    expect(preview.counts.invalid).toBe(0);
    expect(preview.total).toBe(rows.filter((r) => r.verdict).length + rows.filter((r) => !r.verdict).length);
  });

  it("quotes and speakers: the documented columns, public ones only", async () => {
    const quotes = parse(await collect(exportChunks("quotes", "csv", { client: t.db })), { columns: true }) as Record<string, string>[];
    expect(Object.keys(quotes[0]!)).toEqual([...QUOTE_COLUMNS]);
    const publicQuotes = await t.db.publishedQuote.findMany({ where: { claim: publicClaimWhere }, distinct: ["quoteId"], select: { quoteId: true } });
    expect(quotes).toHaveLength(publicQuotes.length);
    for (const q of quotes) expect((q.claims ?? "").split("; ").every((s) => publicSlugs.includes(s))).toBe(true);
    const speakers = parse(await collect(exportChunks("speakers", "csv", { client: t.db })), { columns: true }) as Record<string, string>[];
    expect(Object.keys(speakers[0]!)).toEqual([...SPEAKER_COLUMNS]);
    expect(speakers.map((s) => s.slug).sort()).toEqual((await t.db.speaker.findMany({ where: publicSpeakerWhere, select: { slug: true } })).map((s) => s.slug).sort());
  });

  it("for spreadsheets: a BOM, and cells that would be formulas start with '", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: publicClaimWhere, orderBy: { slug: "asc" } });
    await t.db.claim.update({ where: { id: claim.id }, data: { text: '=HYPERLINK("https://evil.example","klick")' } });
    try {
      const plain = await collect(exportChunks("claims", "csv", { client: t.db }));
      const sheet = await collect(exportChunks("claims", "csv", { client: t.db, spreadsheet: true }));
      expect(plain.startsWith("slug,")).toBe(true);
      expect(sheet.startsWith("\ufeffslug,")).toBe(true);
      const cell = (csv: string) => (parse(csv, { columns: true, bom: true }) as Record<string, string>[]).find((r) => r.slug === claim.slug)!.claim;
      expect(cell(plain)).toBe('=HYPERLINK("https://evil.example","klick")');
      expect(cell(sheet)).toBe(`'=HYPERLINK("https://evil.example","klick")`);
    } finally {
      await t.db.claim.update({ where: { id: claim.id }, data: { text: claim.text } });
    }
  });
});

describe("JSON Lines", () => {
  it("one API object a line: Claim, Quote, Speaker (docs/api.md)", async () => {
    for (const [kind, schema] of [
      ["claims", claimSchema],
      ["quotes", quoteSchema],
      ["speakers", speakerSummarySchema],
    ] as const) {
      const text = await collect(exportChunks(kind, "jsonl", { client: t.db, pageSize: 2 }));
      expect(text.endsWith("\n")).toBe(true);
      const lines = text.trimEnd().split("\n");
      expect(lines.length, kind).toBeGreaterThan(1);
      for (const line of lines) {
        const parsed = schema.safeParse(JSON.parse(line));
        expect(parsed.success ? [] : parsed.error.issues.slice(0, 2), kind).toEqual([]);
      }
    }
  });
});

describe("streaming", () => {
  it("reads a page only when the reader wants more: memory bounded by the page size", async () => {
    let reads = 0;
    const counted = t.db.$extends({
      query: {
        claim: {
          async findMany({ args, query }) {
            reads++;
            return query(args);
          },
        },
      },
    }) as unknown as Db;
    const stream = textStream(exportChunks("claims", "jsonl", { client: counted, pageSize: 1 }));
    const reader = stream.getReader();
    const first = await reader.read();
    const firstText = new TextDecoder().decode(first.value);
    expect(firstText.trimEnd().split("\n")).toHaveLength(1);
    // One page read (and at most one more ahead); the rest waits for the reader.
    expect(reads).toBeLessThanOrEqual(2);
    expect(publicSlugs.length).toBeGreaterThan(4);
    let chunks = 1;
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      chunks++;
    }
    expect(chunks).toBe(publicSlugs.length);
    expect(reads).toBe(publicSlugs.length);
  });

  it("a reader that stops early stops the reading", async () => {
    let reads = 0;
    const counted = t.db.$extends({
      query: { claim: { async findMany({ args, query }) { reads++; return query(args); } } },
    }) as unknown as Db;
    const reader = textStream(exportChunks("claims", "csv", { client: counted, pageSize: 1 })).getReader();
    await reader.read();
    await reader.cancel();
    const after = reads;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).toBe(after);
    expect(reads).toBeLessThan(publicSlugs.length);
  });
});

describe("the desk's route and the command", () => {
  it("GET /api/admin/export: 401 without a session, 400 for an unknown kind, a streamed download otherwise", async () => {
    const route = await import("../../app/api/admin/export/route");
    session.current = null;
    const anonymous = await route.GET(new Request("http://localhost/api/admin/export?kind=claims&format=csv"));
    expect(anonymous.status).toBe(401);
    // Refusals as the import's routes answer them: a code, and the same in English.
    expect(await anonymous.json()).toEqual({ error: "unauthenticated", message: "Please sign in." });
    const contributor = await t.db.user.findUniqueOrThrow({ where: { email: "mitarbeit@claimbase.local" } });
    const { startSession } = await import("../../lib/auth/sessions");
    session.current = { user: { id: contributor.id }, sid: await startSession(t.db, contributor.id) };
    const unknownKind = await route.GET(new Request("http://localhost/api/admin/export?kind=users&format=csv"));
    expect(unknownKind.status).toBe(400);
    expect(await unknownKind.json()).toEqual({ error: "bad_input", message: "kind is one of: claims, quotes, speakers." });
    expect((await route.GET(new Request("http://localhost/api/admin/export?kind=claims&format=xml"))).status).toBe(400);
    const response = await route.GET(new Request("http://localhost/api/admin/export?kind=speakers&format=csv"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="claimbase-speakers-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    // Response.text() would drop the BOM (UTF-8 decoding does): the bytes.
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8").startsWith("slug,url,name")).toBe(true);
  });

  it("npm run export -- claims --format jsonl writes the export to standard output, against DATABASE_URL", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/export.ts"), "claims", "--format", "jsonl"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.url, CLAIMBASE_PUBLIC_URL: "https://faktencheck.example" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(result.stderr).toMatch(/Export claims \(jsonl\)/);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { slug: string });
    expect(lines.map((l) => l.slug).sort()).toEqual([...publicSlugs].sort());
    const bad = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/export.ts"), "users"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.url },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Usage: npm run export/);
  });
});

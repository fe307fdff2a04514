// Pasting an article into "Artikel einlesen" (issue 12): the browser sends the file input as a
// part even when no file was chosen, and the action used to take that empty part for an upload
// and refuse the paste with "… nicht beides". The forms here go through the same decoding a real
// submission goes through (tests/helpers/browser-form.cjs: React's reply encoding and Next.js's
// busboy decoding with JavaScript, Request.formData() without), then through the real server
// action with a signed-in editor.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fieldTexts } from "../helpers/messages";
import type { Message } from "../../lib/messages";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string }; sid: string } }));
vi.mock("../../lib/auth/auth", () => ({
  auth: vi.fn(async () => session.current),
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  handlers: { GET: vi.fn(), POST: vi.fn() },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

const ROOT = path.resolve(import.meta.dirname, "../..");

type Entry = [string, string | { file: { name: string; size: number; type: string; content: string } }];
interface BrowserSpec {
  fields: Record<string, string>;
  files: Record<string, null | { name: string; type: string; content: string }>;
}

/** The FormData a server action receives for this browser form, with and without JavaScript. */
function submitted(spec: BrowserSpec): { js: FormData; nojs: FormData } {
  const out = execFileSync(process.execPath, ["--conditions=react-server", path.join(ROOT, "tests/helpers/browser-form.cjs")], {
    input: JSON.stringify(spec),
    cwd: ROOT,
  });
  const decoded = JSON.parse(out.toString("utf8")) as { js: Entry[]; nojs: Entry[] };
  const rebuild = (entries: Entry[]) => {
    const form = new FormData();
    for (const [name, value] of entries) {
      if (typeof value === "string") form.append(name, value);
      else form.append(name, new File([value.file.content], value.file.name, { type: value.file.type }));
    }
    return form;
  };
  return { js: rebuild(decoded.js), nojs: rebuild(decoded.nojs) };
}

/** The article form as the page renders it (app/(desk)/admin/articles/new/page.tsx). */
const form = (text: string, file: BrowserSpec["files"]["file"]): BrowserSpec => ({
  fields: { text, format: "auto", title: "", publisher: "", publishedAt: "", url: "", language: "auto" },
  files: { file },
});

let t: Awaited<ReturnType<typeof import("../helpers/db").createTestDatabase>>;

beforeAll(async () => {
  const { createTestDatabase } = await import("../helpers/db");
  const { bootstrap } = await import("../../lib/seed/bootstrap");
  const { loadSettings } = await import("../../lib/config");
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the action uses the app's own `db` (lib/db/client.ts)
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

async function submit(formData: FormData): Promise<{ redirect: string | null; state: { status: string; message?: Message; fieldErrors?: Record<string, Message[]> } | null }> {
  const { ingestArticleAction } = await import("../../app/(desk)/admin/articles/actions");
  const { IDLE } = await import("../../lib/actions/state");
  try {
    const state = (await ingestArticleAction(IDLE, formData)) as { status: string; message?: Message; fieldErrors?: Record<string, Message[]> };
    return { redirect: null, state };
  } catch (error) {
    const digest = error instanceof Error && "digest" in error ? String(error.digest) : "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return { redirect: digest, state: null };
  }
}

describe("pasting an article", () => {
  for (const how of ["js", "nojs"] as const) {
    it(`is stored when the file input is left empty (${how === "js" ? "with" : "without"} JavaScript)`, async () => {
      const text = `Berlin – Die Ministerin sagte am Montag: „Wir halten am Haushalt fest.“ (${how})`;
      const forms = submitted(form(text, null));
      // What arrives for the untouched file input: an empty part, not a chosen file.
      const part = forms[how].get("file");
      expect(part).toBeInstanceOf(File);
      expect((part as File).size).toBe(0);

      const { redirect, state } = await submit(forms[how]);
      expect(state, JSON.stringify(state)).toBeNull();
      const article = await t.db.article.findFirstOrThrow({ where: { text }, select: { id: true, format: true, originalFilename: true } });
      expect(redirect).toContain(`/admin/articles/${article.id}?eingelesen=1`);
      expect(article.originalFilename).toBeNull();
    });
  }

  it("an uploaded file still counts as a file: text and file together are refused, a file alone is read", async () => {
    const upload = { name: "artikel.txt", type: "text/plain", content: "Berlin – Der Minister sagte: „Das Upload-Verfahren funktioniert.“" };
    const both = submitted(form("Ein eingefügter Text.", upload));
    const refused = await submit(both.js);
    expect(refused.redirect).toBeNull();
    expect(refused.state?.status).toBe("error");
    expect(fieldTexts(refused.state?.fieldErrors, "file")[0]).toMatch(/nicht beides/);
    expect(fieldTexts(refused.state?.fieldErrors, "file", "en")[0]).toBe("Please either paste text or upload a file, not both.");

    const alone = submitted(form("", upload));
    const read = await submit(alone.js);
    expect(read.state, JSON.stringify(read.state)).toBeNull();
    const article = await t.db.article.findFirstOrThrow({ where: { text: upload.content }, select: { originalFilename: true } });
    expect(article.originalFilename).toBe("artikel.txt");
  });

  it("an empty file the editor chose is a file (and refused as empty), not a missing one", async () => {
    const forms = submitted(form("", { name: "leer.txt", type: "text/plain", content: "" }));
    const { redirect, state } = await submit(forms.nojs);
    expect(redirect).toBeNull();
    expect(state?.status).toBe("error");
    expect(Object.keys(state?.fieldErrors ?? {})).toContain("file");
  });
});

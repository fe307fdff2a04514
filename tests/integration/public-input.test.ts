// Hostile values in public query strings and paths against the real database: PostgreSQL
// refuses U+0000 in text, so a NUL that reached a query made the page a 500 (issue 11:
// /search?q=x&verdict=%00). Such values must be ignored (search filters) or name nothing (slugs).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { bootstrap } from "../../lib/seed/bootstrap";
import { loadSettings } from "../../lib/config";
import type { Db } from "../../lib/db/client";
import { parseSearchParams, searchPublic } from "../../lib/public/search";
import { getPublicClaim, getPublicSpeaker, getPublicSpeakerPage, getPublicTopic } from "../../lib/public";

// As the page receives them: the query string already decoded ("%00" is a NUL).
const HOSTILE = ["\u0000", "x\u0000", "\u0000x", "\u0001", "a\u001fb", "\u007f"];

describe("public input with control characters", () => {
  let t: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db;
    await bootstrap(db, loadSettings({ CLAIMBASE_ADMIN_PASSWORD: "test-admin-password-123" }));
    // One public claim, so that the searches below have something to find.
    const verdict = await db.verdictLabel.findFirstOrThrow({ where: { key: "false" } });
    const claim = await db.claim.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    await db.claim.update({
      where: { id: claim.id },
      data: { status: "published", publicState: "published", publishedAt: new Date("2017-11-18T09:00:00Z"), publishedVerdictId: verdict.id },
    });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("ignores a search filter with a NUL or another control character, and finds what the search without it finds", async () => {
    const baseline = await searchPublic(parseSearchParams({ verdict: "false" }), db);
    expect(baseline.total).toBeGreaterThan(0);
    for (const bad of HOSTILE) {
      for (const key of ["speaker", "topic", "from", "to"]) {
        const result = await searchPublic(parseSearchParams({ verdict: "false", [key]: bad }), db);
        expect(result.query[key as "speaker"], `${key}=${JSON.stringify(bad)}`).toBeNull();
        expect(result.total).toBe(baseline.total);
      }
      const byVerdict = await searchPublic(parseSearchParams({ q: "x", verdict: bad }), db);
      expect(byVerdict.query.verdict).toBeNull();
      const byQuery = await searchPublic(parseSearchParams({ q: `Putin${bad}`, type: bad, page: bad }), db);
      expect(byQuery.query.q).not.toContain("\u0000");
    }
  });

  it("answers a slug with a control character with 'not found', without a query", async () => {
    for (const bad of HOSTILE) {
      expect(await getPublicClaim(bad, db)).toBeNull();
      expect(await getPublicSpeaker(bad, {}, db)).toBeNull();
      expect(await getPublicSpeakerPage(bad, {}, db)).toBeNull();
      expect(await getPublicTopic(bad, {}, db)).toBeNull();
    }
  });
});

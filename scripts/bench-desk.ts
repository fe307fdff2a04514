// The desk part of the benchmark (npm run bench:public -- --desk; scripts/bench-public.ts runs it):
//   1. what the desk reads beside the public dataset, written with set-based SQL on the same
//      connection as the rest of the generated newsroom (its pg_temp text functions):
//      desk accounts (editors, reviewers, contributors with one known Argon2id password), who
//      created, researched, proposed and reviewed each claim, assignments, research notes, the
//      revision log of every claim and piece of evidence as the desk's own writes leave it
//      (create, assignment, research, verdict, submit, rejection and resubmission, approval,
//      correction, retraction; consecutive versions), review decisions, comments, evidence with
//      passages taken from its source's stored text, corrections waiting for review, and
//      ingested articles with their extracted candidates;
//   2. the desk pages, signed in as an editor and as a reviewer the way a browser signs in
//      (Auth.js: the CSRF token, then the credentials callback; scripts/drills/client.ts), one
//      request at a time after a warm-up, so that the time is the server's, not a queue's;
//      each page N times (across distinct claims where the page is a claim's);
//   3. optionally the SQL statements each page request sends: the server's log with
//      log_statement = all, switched on for a last pass only (it costs time), read between
//      requests.
import fs from "node:fs";
import pg from "pg";
import type { Db } from "../lib/db/client";
import { Client, browserHeaders, signIn, type CookieJar } from "./drills/client";
import { percentile, processTreeCpuMs } from "./lifecycle";

/** The median server time every desk page should stay under (issue 13). */
export const DESK_TARGET_MS = 150;

/** The two accounts the benchmark signs in with (the other desk accounts have the same password). */
export const DESK_ACCOUNTS = { editor: "bench-editor@claimbase.local", reviewer: "bench-reviewer@claimbase.local" } as const;

type Query = (text: string, values?: unknown[]) => Promise<unknown>;
type Step = <T>(label: string, fn: () => Promise<T>) => Promise<T>;

export interface DeskLists {
  de: string[];
  en: string[];
  firstNames: string[];
  lastNames: string[];
  publishers: string[];
}

export interface DeskSizes {
  claims: number;
  quotes: number;
  speakers: number;
  sources: number;
}

/** How many desk accounts a newsroom of this size has: one per 400 claims, at least 6. */
export function deskAccountCount(claims: number): number {
  return Math.max(6, Math.round(claims / 400));
}

// Timestamps: Prisma keeps UTC in `timestamp without time zone`.
const NOW = `(now() AT TIME ZONE 'UTC')`;

/**
 * Writes the desk's records. Runs on the generator's connection, after the public dataset
 * (claims 'bcl…', quotes 'bqt…', speakers 'bsp…', sources 'bsr…', evidence 'bev…', corrections
 * 'bco…') and before its public claims are frozen (so that their publications hold the evidence
 * as written here), with its pg_temp functions sentence, ppara (sentences of the pool) and any_of.
 */
export async function generateDeskRecords(q: Query, step: Step, lists: DeskLists, sizes: DeskSizes, passwordHash: string): Promise<void> {
  const accounts = deskAccountCount(sizes.claims);

  // Text as JSON the way the revision log stores values (lib/revisions.ts): ISO timestamps with
  // milliseconds and Z, a change as {before, after}, a create as every non-null field after null.
  await q(`CREATE FUNCTION pg_temp.iso(t timestamp) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
      SELECT to_jsonb(to_char(t, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) $$`);
  await q(`CREATE FUNCTION pg_temp.chg(b jsonb, a jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
      SELECT jsonb_build_object('before', b, 'after', a) $$`);
  await q(`CREATE FUNCTION pg_temp.created(fields jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
      SELECT coalesce(jsonb_object_agg(key, jsonb_build_object('before', NULL::jsonb, 'after', value)), '{}'::jsonb)
        FROM jsonb_each(jsonb_strip_nulls(fields)) $$`);

  await step(`desk accounts (${accounts}: editors, reviewers, contributors)`, async () => {
    // Account 1 is the editor and 2 the reviewer the benchmark signs in as; of the others two
    // in five are editors, one a reviewer, two contributors.
    await q(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "lastSignInAt", "createdAt", "updatedAt")
       SELECT 'bus' || n,
              CASE n WHEN 1 THEN $1 WHEN 2 THEN $2 ELSE 'desk-' || n || '@claimbase.local' END,
              ($4::text[])[1 + (n * 7) % array_length($4::text[], 1)] || ' ' || ($5::text[])[1 + (n * 11) % array_length($5::text[], 1)],
              $3,
              (CASE WHEN n = 1 THEN 'editor' WHEN n = 2 THEN 'reviewer' WHEN n % 5 IN (0, 3) THEN 'editor'
                    WHEN n % 5 = 4 THEN 'reviewer' ELSE 'contributor' END)::"Role",
              ${NOW} - random() * interval '5 days', ${NOW} - interval '4 years', ${NOW}
         FROM generate_series(1, $6::int) n`,
      [DESK_ACCOUNTS.editor, DESK_ACCOUNTS.reviewer, passwordHash, lists.firstNames, lists.lastNames, accounts],
    );
    await q(`CREATE TEMP TABLE desk_people AS
      SELECT (SELECT array_agg(id) FROM "User" WHERE id LIKE 'bus%' AND role IN ('editor', 'contributor')) AS authors,
             (SELECT array_agg(id) FROM "User" WHERE id LIKE 'bus%' AND role = 'reviewer') AS reviewers,
             (SELECT array_agg(id) FROM "User" WHERE id LIKE 'bus%') AS everyone`);
  });

  await step("who did what on each claim, and when", async () => {
    // One row per claim with its people and its time span. Claims that are not public are
    // recent work (created in the last eight months, more of them lately); public ones keep the
    // dates of their publication. A few published claims (1.5 %) have a correction in review.
    await q(
      `CREATE TEMP TABLE desk_claim AS
       SELECT c.id, c.status::text AS status, c."publicState"::text AS public_state, c.language,
              c."publishedAt" AS published_at, c."publicUpdatedAt" AS public_updated_at,
              c."verdictId" AS verdict_id, c.summary, c.analysis,
              c."verdictId" AS v_first, c.summary AS s_first, NULL::text AS s_new,
              pg_temp.any_of(p.authors) AS creator,
              CASE WHEN random() < CASE WHEN c."publicState" IS NULL THEN 0.75 ELSE 0.3 END THEN pg_temp.any_of(p.everyone) END AS assignee,
              pg_temp.any_of(p.authors) AS author,
              pg_temp.any_of(p.reviewers) AS reviewer,
              random() < 0.25 AS rejected,
              CASE WHEN random() < 0.3 THEN pg_temp.ppara('de', 2) END AS notes,
              c.status = 'published' AND random() < 0.015 AS correcting,
              CASE WHEN c."publicState" IS NOT NULL THEN c."createdAt"
                   ELSE ${NOW} - power(random(), 2) * interval '240 days' - interval '2 hours' END AS t0,
              NULL::timestamp AS t1, NULL::timestamp AS research_at, NULL::timestamp AS submit_at
         FROM "Claim" c, desk_people p
        WHERE c.id LIKE 'bcl%'`,
    );
    await q(`UPDATE desk_claim SET t1 = CASE WHEN public_state IS NOT NULL THEN published_at ELSE t0 + (${NOW} - t0) * (0.1 + 0.9 * random()) END`);
    // A corrected claim was first published with the verdict and summary its correction
    // replaced (Correction.previous*).
    await q(`UPDATE desk_claim dc SET v_first = co."previousVerdictId", s_first = co."previousSummary"
               FROM "Correction" co WHERE co."claimId" = dc.id AND co.kind = 'correction' AND dc.status = 'corrected'`);
    await q(`UPDATE desk_claim SET s_new = pg_temp.ppara(language, 2) WHERE correcting`);

    // The steps of each claim's life, in order; each one is a revision with the next version.
    await q(`
      CREATE TEMP TABLE desk_rev AS
      SELECT dc.id AS claim_id, s.ord, s.kind,
             row_number() OVER (PARTITION BY dc.id ORDER BY s.ord)::int AS version,
             (count(*) FILTER (WHERE s.ord <= 9) OVER (PARTITION BY dc.id))::int AS npre,
             NULL::timestamp AS at
        FROM desk_claim dc
        JOIN (VALUES (1, 'create'), (2, 'assign'), (3, 'notes'), (4, 'start_research'), (5, 'verdict'), (6, 'submit'),
                     (7, 'reject'), (8, 'resubmit'), (9, 'approve'), (10, 'propose_correction'), (11, 'approve_correction'),
                     (12, 'retract')) s(ord, kind)
          ON CASE s.kind
               WHEN 'create' THEN true
               WHEN 'assign' THEN dc.assignee IS NOT NULL
               WHEN 'notes' THEN dc.notes IS NOT NULL
               WHEN 'start_research' THEN dc.status <> 'draft'
               WHEN 'verdict' THEN dc.status <> 'draft'
               WHEN 'submit' THEN dc.status IN ('in_review', 'published', 'corrected', 'retracted') OR (dc.status = 'in_research' AND dc.rejected)
               WHEN 'reject' THEN dc.rejected AND dc.status <> 'draft'
               WHEN 'resubmit' THEN dc.rejected AND dc.status IN ('in_review', 'published', 'corrected', 'retracted')
               WHEN 'approve' THEN dc.public_state IS NOT NULL
               WHEN 'propose_correction' THEN dc.status = 'corrected' OR dc.correcting
               WHEN 'approve_correction' THEN dc.status = 'corrected'
               WHEN 'retract' THEN dc.status = 'retracted'
             END`);
    // Steps up to the approval spread over the claim's span; a correction's proposal a day
    // before its publication (or in the last ten days when it still waits), the approval of a
    // correction and a retraction when they went public.
    await q(`
      UPDATE desk_rev r SET at = CASE
          WHEN r.ord <= 9 THEN dc.t0 + (dc.t1 - dc.t0) * ((r.version - 1)::float8 / greatest(r.npre - 1, 1))
          WHEN r.kind = 'propose_correction' AND dc.correcting THEN greatest(dc.t1 + interval '1 day', ${NOW} - random() * interval '10 days')
          WHEN r.kind = 'propose_correction' THEN dc.public_updated_at - interval '1 day'
          ELSE dc.public_updated_at END
        FROM desk_claim dc WHERE dc.id = r.claim_id`);
    await q(`UPDATE desk_claim dc SET research_at = r.at FROM desk_rev r WHERE r.claim_id = dc.id AND r.kind = 'start_research'`);
    await q(`UPDATE desk_claim dc SET submit_at = r.at FROM desk_rev r WHERE r.claim_id = dc.id AND r.kind = 'submit'`);
  });

  await step("evidence: authors, dates, passages of their sources", async () => {
    await q(`
      UPDATE "Evidence" e SET "createdById" = coalesce(dc.assignee, dc.creator),
             "createdAt" = coalesce(dc.research_at, dc.t0) + (coalesce(dc.submit_at, ${NOW}) - coalesce(dc.research_at, dc.t0)) * random()
        FROM desk_claim dc WHERE dc.id = e."claimId" AND e.id LIKE 'bev%'`);
    await q(`UPDATE "Evidence" SET "updatedAt" = "createdAt" WHERE id LIKE 'bev%'`);
    // Six in ten pieces of evidence point at a passage of the source's stored text, the
    // excerpt being that passage (as the passage picker makes them).
    await q(`
      WITH pick AS (
        SELECT e.id, s."snapshotText" AS txt,
               floor(random() * greatest(length(s."snapshotText") - 400, 1))::int AS st,
               (80 + floor(random() * 220))::int AS len
          FROM "Evidence" e JOIN "Source" s ON s.id = e."sourceId"
         WHERE e.id LIKE 'bev%' AND s."snapshotText" IS NOT NULL AND random() < 0.6)
      UPDATE "Evidence" e SET start = p.st, "end" = p.st + p.len, excerpt = substr(p.txt, p.st + 1, p.len)
        FROM pick p WHERE p.id = e.id`);
  });

  await step("revision log of claims and evidence", async () => {
    // One INSERT in time order, so that the log's ids grow with time as the app writes them.
    await q(`
      INSERT INTO "Revision" ("entityType", "entityId", action, version, "userId", changes, "createdAt")
      SELECT entity_type, entity_id, action::"RevisionAction", version, user_id, changes, at FROM (
        SELECT 'Claim' AS entity_type, r.claim_id AS entity_id,
               CASE WHEN r.kind = 'create' THEN 'create' WHEN r.kind IN ('assign', 'notes', 'verdict') THEN 'update' ELSE 'transition' END AS action,
               r.version,
               CASE WHEN r.kind IN ('create', 'assign') THEN dc.creator
                    WHEN r.kind IN ('notes', 'start_research') THEN coalesce(dc.assignee, dc.creator)
                    WHEN r.kind IN ('verdict', 'submit', 'resubmit', 'propose_correction') THEN dc.author
                    ELSE dc.reviewer END AS user_id,
               CASE r.kind
                 WHEN 'create' THEN
                   pg_temp.created(jsonb_build_object('id', c.id, 'slug', c.slug, 'text', c.text, 'language', c.language, 'status', 'draft',
                     'claimantId', c."claimantId", 'claimDate', pg_temp.iso(c."claimDate"::timestamp), 'createdById', dc.creator,
                     'createdAt', pg_temp.iso(r.at)))
                   || CASE WHEN links.topics <> '[]' THEN jsonb_build_object('topicIds', pg_temp.chg('[]', links.topics)) ELSE '{}' END
                   || CASE WHEN links.quotes <> '[]' THEN jsonb_build_object('quoteIds', pg_temp.chg('[]', links.quotes)) ELSE '{}' END
                   || CASE WHEN links.passages <> '[]' THEN jsonb_build_object('passages', pg_temp.chg('[]', links.passages)) ELSE '{}' END
                 WHEN 'assign' THEN jsonb_build_object('assigneeId', pg_temp.chg(NULL, to_jsonb(dc.assignee)))
                 WHEN 'notes' THEN jsonb_build_object('researchNotes', pg_temp.chg(NULL, to_jsonb(dc.notes)))
                 WHEN 'start_research' THEN jsonb_build_object('status', pg_temp.chg('"draft"', '"in_research"'))
                 WHEN 'verdict' THEN jsonb_build_object('verdictId', pg_temp.chg(NULL, to_jsonb(dc.v_first)), 'summary', pg_temp.chg(NULL, to_jsonb(dc.s_first)),
                     'analysis', pg_temp.chg(NULL, to_jsonb(dc.analysis)), 'verdictAuthorId', pg_temp.chg(NULL, to_jsonb(dc.author)))
                 WHEN 'submit' THEN jsonb_build_object('status', pg_temp.chg('"in_research"', '"in_review"'))
                 WHEN 'resubmit' THEN jsonb_build_object('status', pg_temp.chg('"in_research"', '"in_review"'))
                 WHEN 'reject' THEN jsonb_build_object('status', pg_temp.chg('"in_review"', '"in_research"'))
                 WHEN 'approve' THEN jsonb_build_object('status', pg_temp.chg('"in_review"', '"published"'), 'publicState', pg_temp.chg(NULL, '"published"'),
                     'publishedVerdictId', pg_temp.chg(NULL, to_jsonb(dc.v_first)), 'publishedSummary', pg_temp.chg(NULL, to_jsonb(dc.s_first)),
                     'publishedAnalysis', pg_temp.chg(NULL, to_jsonb(dc.analysis)), 'publishedAt', pg_temp.chg(NULL, pg_temp.iso(r.at)),
                     'publicUpdatedAt', pg_temp.chg(NULL, pg_temp.iso(r.at)))
                 WHEN 'propose_correction' THEN jsonb_build_object('status', pg_temp.chg('"published"', '"in_review"'),
                     'summary', pg_temp.chg(to_jsonb(dc.s_first), to_jsonb(coalesce(dc.s_new, dc.summary))))
                   || CASE WHEN dc.v_first IS DISTINCT FROM dc.verdict_id
                        THEN jsonb_build_object('verdictId', pg_temp.chg(to_jsonb(dc.v_first), to_jsonb(dc.verdict_id))) ELSE '{}' END
                 WHEN 'approve_correction' THEN jsonb_build_object('status', pg_temp.chg('"in_review"', '"corrected"'),
                     'publicState', pg_temp.chg('"published"', '"corrected"'), 'publishedSummary', pg_temp.chg(to_jsonb(dc.s_first), to_jsonb(dc.summary)),
                     'publicUpdatedAt', pg_temp.chg(pg_temp.iso(dc.published_at), pg_temp.iso(r.at)))
                   || CASE WHEN dc.v_first IS DISTINCT FROM dc.verdict_id
                        THEN jsonb_build_object('publishedVerdictId', pg_temp.chg(to_jsonb(dc.v_first), to_jsonb(dc.verdict_id))) ELSE '{}' END
                 WHEN 'retract' THEN jsonb_build_object('status', pg_temp.chg('"published"', '"retracted"'),
                     'publicState', pg_temp.chg('"published"', '"retracted"'), 'publicUpdatedAt', pg_temp.chg(pg_temp.iso(dc.published_at), pg_temp.iso(r.at)))
               END AS changes,
               r.at
          FROM desk_rev r
          JOIN desk_claim dc ON dc.id = r.claim_id
          JOIN "Claim" c ON c.id = r.claim_id
          LEFT JOIN LATERAL (
            SELECT (SELECT coalesce(jsonb_agg(ct."topicId" ORDER BY ct."topicId"), '[]') FROM "ClaimTopic" ct WHERE ct."claimId" = c.id) AS topics,
                   (SELECT coalesce(jsonb_agg(cq."quoteId" ORDER BY cq."quoteId"), '[]') FROM "ClaimQuote" cq WHERE cq."claimId" = c.id) AS quotes,
                   (SELECT coalesce(jsonb_agg(jsonb_build_object('sourceId', cp."sourceId", 'start', cp.start, 'end', cp."end") ORDER BY cp."sourceId", cp.start), '[]')
                      FROM "ClaimPassage" cp WHERE cp."claimId" = c.id) AS passages
             WHERE r.kind = 'create') links ON true
        UNION ALL
        SELECT 'Evidence', e.id, 'create', 1, e."createdById",
               pg_temp.created(jsonb_build_object('id', e.id, 'claimId', e."claimId", 'sourceId', e."sourceId", 'stance', e.stance,
                 'excerpt', e.excerpt, 'start', e.start, 'end', e."end", 'note', e.note, 'position', e.position,
                 'createdById', e."createdById", 'createdAt', pg_temp.iso(e."createdAt"))),
               e."createdAt"
          FROM "Evidence" e WHERE e.id LIKE 'bev%'
      ) log ORDER BY at, entity_type, version`);
  });

  await step("claims: people, versions, corrections in review", async () => {
    await q(`
      UPDATE "Claim" c SET "createdById" = dc.creator, "assigneeId" = dc.assignee,
             "verdictAuthorId" = CASE WHEN c."verdictId" IS NOT NULL THEN dc.author END,
             "researchNotes" = dc.notes, "createdAt" = dc.t0, version = last.version, "updatedAt" = last.at,
             status = CASE WHEN dc.correcting THEN 'in_review'::"ClaimStatus" ELSE c.status END,
             summary = coalesce(dc.s_new, c.summary)
        FROM desk_claim dc, (SELECT claim_id, max(version) AS version, max(at) AS at FROM desk_rev GROUP BY claim_id) last
       WHERE c.id = dc.id AND last.claim_id = dc.id`);
    await q(`UPDATE "Correction" co SET "authorId" = dc.author FROM desk_claim dc WHERE dc.id = co."claimId" AND co.id LIKE 'bco%'`);
    await q(
      `INSERT INTO "Correction" (id, "claimId", kind, note, "previousVerdictId", "previousSummary", "authorId", "publishedAt", "createdAt")
       SELECT 'bcq' || dc.id, dc.id, 'correction', pg_temp.ppara('de', 2), dc.verdict_id, dc.s_first, dc.author, NULL, r.at
         FROM desk_claim dc JOIN desk_rev r ON r.claim_id = dc.id AND r.kind = 'propose_correction'
        WHERE dc.correcting`,
    );
    await q(
      `INSERT INTO "ReviewDecision" (id, "claimId", "reviewerId", outcome, "verdictId", summary, note, "createdAt")
       SELECT 'brd' || r.claim_id || '-' || r.version, r.claim_id, dc.reviewer,
              (CASE WHEN r.kind = 'reject' THEN 'rejected' ELSE 'approved' END)::"ReviewOutcome",
              CASE WHEN r.kind = 'approve_correction' THEN dc.verdict_id ELSE dc.v_first END,
              CASE WHEN r.kind = 'approve_correction' THEN dc.summary ELSE dc.s_first END,
              CASE WHEN r.kind = 'reject' THEN pg_temp.ppara('de', 2) END, r.at
         FROM desk_rev r JOIN desk_claim dc ON dc.id = r.claim_id
        WHERE r.kind IN ('reject', 'approve', 'approve_correction')`,
    );
  });

  await step("comments", () =>
    q(
      `INSERT INTO "ClaimComment" (id, "claimId", "authorId", body, "createdAt")
       SELECT 'bcm' || dc.id || '-' || k, dc.id, pg_temp.any_of(p.everyone), pg_temp.ppara('de', 1 + k % 2),
              dc.t0 + (greatest(dc.t1, dc.t0) - dc.t0) * random()
         FROM desk_claim dc, desk_people p, generate_series(1, 5) k
        WHERE random() + 0 * length(dc.id) + 0 * k < CASE WHEN dc.public_state IS NULL THEN 0.45 ELSE 0.12 END`,
    ),
  );

  const articles = Math.max(10, Math.round(sizes.claims / 20));
  await step(`articles (${articles}) with extracted candidates`, async () => {
    await q(
      `INSERT INTO "Article" (id, title, format, "rawContent", text, language, "contentHash", url, publisher, "publishedAt", status,
                              "sourceId", "createdById", "createdAt", "updatedAt")
       SELECT 'bar' || n, title, 'text', body, body, lang, encode(sha256(convert_to(body, 'UTF8')), 'hex'),
              'https://www.example-' || (n % 40) || '.de/politik/' || n, publisher, created - interval '1 day', status::"ArticleStatus",
              CASE WHEN status IN ('reviewed', 'archived') THEN 'bsr' || (1 + floor(random() * $5))::int END,
              pg_temp.any_of(p.authors), created, created + interval '3 hours'
         FROM (SELECT n, lang, rtrim(pg_temp.sentence(words, 6, 14), '.') AS title, pg_temp.any_of($3::text[]) AS publisher,
                      ${NOW} - power(random(), 1.5) * interval '700 days' AS created,
                      pg_temp.ppara(lang, 10) || E'\\n\\n' || pg_temp.ppara(lang, 10) || E'\\n\\n' || pg_temp.ppara(lang, 8) AS body,
                      CASE WHEN r < 0.1 THEN 'new' WHEN r < 0.35 THEN 'extracted' WHEN r < 0.9 THEN 'reviewed' ELSE 'archived' END AS status
                 FROM generate_series(1, $4::int) n,
                      LATERAL (SELECT random() + 0 * n AS r, CASE WHEN n % 10 < 8 THEN 'de' ELSE 'en' END AS lang) x,
                      LATERAL (SELECT CASE WHEN x.lang = 'de' THEN $1::text[] ELSE $2::text[] END AS words) w) a,
              desk_people p`,
      [lists.de, lists.en, lists.publishers, articles, sizes.sources],
    );
    // 6 to 21 candidates an article once extracted: proposed while it is being reviewed,
    // accepted (4 in 10, with the quote or claim made of it) or rejected afterwards.
    await q(
      `INSERT INTO "ArticleCandidate" (id, "articleId", kind, "speechKind", start, "end", text, "speakerName", "speakerId", status, fingerprint,
                                       "decidedById", "decidedAt", "createdQuoteId", "createdClaimId", "createdAt", "updatedAt")
       SELECT 'bac' || a.id || '-' || k, a.id, x.kind::"CandidateKind",
              CASE WHEN x.kind = 'quote' THEN (CASE WHEN x.direct THEN 'direct' ELSE 'indirect' END)::"SpeechKind" END,
              x.st, x.st + x.len, substr(a.text, x.st + 1, x.len), sp.name, CASE WHEN x.matched THEN sp.id END, x.status::"CandidateStatus",
              md5(a.id || '-' || k),
              CASE WHEN x.status <> 'proposed' THEN a."createdById" END, CASE WHEN x.status <> 'proposed' THEN a."createdAt" + interval '2 hours' END,
              CASE WHEN x.status = 'accepted' AND x.kind = 'quote' THEN 'bqt' || (1 + floor(random() * $1))::int END,
              CASE WHEN x.status = 'accepted' AND x.kind = 'claim' THEN 'bcl' || (1 + floor(random() * $2))::int END,
              a."createdAt" + interval '1 minute', a."createdAt" + interval '2 hours'
         FROM "Article" a
         CROSS JOIN generate_series(1, 21) k
         CROSS JOIN LATERAL (
           SELECT floor(random() * greatest(length(a.text) - 400, 1) + 0 * k)::int AS st,
                  (60 + floor(random() * 240 + 0 * length(a.id) + 0 * k))::int AS len,
                  CASE WHEN random() + 0 * k + 0 * length(a.id) < 0.7 THEN 'quote' ELSE 'claim' END AS kind,
                  random() + 0 * k + 0 * length(a.id) < 0.6 AS direct,
                  CASE WHEN a.status = 'extracted' THEN 'proposed' WHEN random() + 0 * k + 0 * length(a.id) < 0.4 THEN 'accepted' ELSE 'rejected' END AS status,
                  'bsp' || (1 + floor(random() * $3 + 0 * k + 0 * length(a.id)))::int AS speaker_id,
                  random() + 0 * k + 0 * length(a.id) < 0.6 AS matched) x
         JOIN "Speaker" sp ON sp.id = x.speaker_id
        WHERE a.id LIKE 'bar%' AND a.status <> 'new' AND k <= 6 + (hashtext(a.id) & 15)`,
      [sizes.quotes, sizes.claims, sizes.speakers],
    );
  });
}

/**
 * After the public claims' approved versions were frozen (in SQL by generateDataset, and by
 * freezeMissingPublications for any it left): a publication is dated as of the claim's latest
 * approved change rather than now; a freeze revision that freezeMissingPublications wrote (by
 * the system, dated now) just after the claim's last step; and the claim's updatedAt is its last
 * revision's time again. Without it every public claim would have changed a moment ago (the
 * "changed" sort, "what changed since my last visit").
 */
export async function settleDeskTimes(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      WITH last AS (SELECT "entityId" AS id, max("createdAt") AS at FROM "Revision"
                     WHERE "entityType" = 'Claim' AND "userId" IS NOT NULL AND "entityId" LIKE 'bcl%' GROUP BY "entityId")
      UPDATE "Revision" r SET "createdAt" = last.at + interval '1 second'
        FROM last WHERE r."entityType" = 'Claim' AND r."entityId" = last.id AND r."userId" IS NULL AND r.action = 'update' AND r.changes ? 'publicationId'`);
    await client.query(`
      UPDATE "ClaimPublication" p SET "createdAt" = c."publicUpdatedAt"
        FROM "Claim" c WHERE c."publicationId" = p.id AND c.id LIKE 'bcl%' AND c."publicUpdatedAt" IS NOT NULL`);
    await client.query(`
      UPDATE "Claim" c SET "updatedAt" = x.at
        FROM (SELECT "entityId" AS id, max("createdAt") AS at FROM "Revision" WHERE "entityType" = 'Claim' AND "entityId" LIKE 'bcl%' GROUP BY 1) x
       WHERE x.id = c.id`);
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

export async function describeDesk(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT (SELECT count(*) FROM "User") AS users,
             (SELECT string_agg(status || ' ' || n, ', ' ORDER BY status) FROM (SELECT status::text, count(*) AS n FROM "Claim" GROUP BY 1) s) AS statuses,
             (SELECT count(*) FROM "Claim" WHERE "assigneeId" IS NOT NULL) AS assigned,
             (SELECT count(*) FROM "Revision") AS revisions, (SELECT count(*) FROM "ReviewDecision") AS reviews,
             (SELECT count(*) FROM "ClaimComment") AS comments, (SELECT count(*) FROM "Article") AS articles,
             (SELECT count(*) FROM "ArticleCandidate") AS candidates,
             pg_size_pretty(pg_total_relation_size('"Revision"')) AS "revisionSize"`);
    const r = rows[0] as Record<string, string>;
    return (
      `desk: ${r.users} accounts; claims by status: ${r.statuses}; ${r.assigned} assigned; ${r.revisions} revisions (${r.revisionSize}), ` +
      `${r.reviews} review decisions, ${r.comments} comments, ${r.articles} articles with ${r.candidates} candidates`
    );
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------
// Counting SQL statements in the server's log.

/** The statements a chunk of PostgreSQL's log (log_statement = all) records: one "statement:"
 * (simple protocol) or "execute …:" (extended protocol, as node-postgres sends parameters) line
 * each; a statement's further lines, its parameters (DETAIL) and other messages are not counted. */
export function countLoggedStatements(log: string): number {
  let n = 0;
  for (const line of log.split("\n")) if (/^\S.*?\bLOG:\s+(?:statement|execute [^:]*):/.test(line)) n++;
  return n;
}

function readFrom(file: string, offset: number): string {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    if (size <= offset) return "";
    const buffer = Buffer.alloc(size - offset);
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString("utf8");
  } finally {
    fs.closeSync(fd);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------
// The pages.

export interface DeskPage {
  label: string;
  as: keyof typeof DESK_ACCOUNTS;
  warmup: string[];
  measured: string[];
  /** Text each answer of that path must contain (a link to one of its records, or the claim's
   * text): a sign-in page, an error page or an empty list would answer 200 too. */
  expect?: (path: string) => string | null;
}

export interface DeskResult {
  page: DeskPage;
  /** Time to the whole answer, per sample, in ms. */
  ms: number[];
  /** Answers that were not the page: status other than 200, or without the expected text. */
  failures: string[];
  bytes: number;
  /** CPU time of the app's processes per answer (Linux /proc), when known. */
  cpuMsPerAnswer?: number;
  /** SQL statements per request, one figure per counted request. */
  statements?: number[];
}

const SEARCH_WORDS = ["Inflation", "Rente", "Mieten", "Strom", "Schulen", "Bundeswehr", "Pflege", "Wohnungen", "Steuern", "Grenze", "Energie", "Klima"];

/** `count` paths from `make(i)`, i = 0, 1, …: the first `warmup` for the warm-up, the rest measured. */
function rotating(make: (i: number) => string, warmup: number, samples: number): Pick<DeskPage, "warmup" | "measured"> {
  const all = Array.from({ length: warmup + samples }, (_, i) => make(i));
  return { warmup: all.slice(0, warmup), measured: all.slice(warmup) };
}

/** The pages measured, with the ids they need from the database. */
export async function deskPages(db: Db, options: { samples: number; warmup: number; claims: number }): Promise<DeskPage[]> {
  const { samples, warmup } = options;
  const n = samples + warmup;
  // Claim workspaces and histories: claims that were worked on (evidence, history), taken in
  // turn from each stage, since each stage's page shows other parts (an approval in review, the
  // published version and corrections after publication).
  const stages = ["in_research", "in_review", "published", "corrected"] as const;
  const perStage = await Promise.all(
    stages.map((status) =>
      db.claim.findMany({
        where: { status, id: { startsWith: "bcl" }, evidence: { some: {} } },
        select: { id: true, text: true },
        orderBy: { id: "asc" },
        take: n,
      }),
    ),
  );
  const claims: { id: string; text: string }[] = [];
  for (let i = 0; claims.length < n && perStage.some((s) => s.length > i); i++) for (const s of perStage) if (s[i] && claims.length < n) claims.push(s[i]!);
  if (claims.length === 0) throw new Error("No claim with evidence in the generated data.");
  const claimText = new Map(claims.map((c) => [c.id, c.text]));
  const byText = (path: string) => {
    const id = /^\/admin\/claims\/([^/?#]+)/.exec(path)?.[1];
    // The beginning of the text, as the page prints it (generated texts have no characters
    // that HTML escapes).
    return id ? (claimText.get(id)?.slice(0, 40) ?? null) : null;
  };
  const topics = (await db.topic.findMany({ where: { id: { startsWith: "btp" } }, select: { id: true }, orderBy: { id: "asc" } })).map((t) => t.id);
  const lastPage = Math.max(1, Math.ceil(options.claims / 25));
  const page50 = Math.min(50, lastPage);
  const claimLink = () => "/admin/claims/bcl";
  const fixed = (path: string) => rotating(() => path, warmup, samples);

  return [
    { label: "/admin (overview)", as: "editor", ...fixed("/admin") },
    { label: "/admin/claims", as: "editor", ...fixed("/admin/claims"), expect: claimLink },
    {
      label: "/admin/claims ?status&topic&sort=created",
      as: "editor",
      ...rotating((i) => `/admin/claims?status=published&topic=${topics[i % topics.length]}&sort=created`, warmup, samples),
      expect: claimLink,
    },
    {
      label: "/admin/claims ?q=…&sort=status",
      as: "editor",
      ...rotating((i) => `/admin/claims?q=${encodeURIComponent(SEARCH_WORDS[i % SEARCH_WORDS.length]!)}&sort=status`, warmup, samples),
      expect: claimLink,
    },
    { label: "/admin/claims ?assignee=me", as: "editor", ...fixed("/admin/claims?assignee=me"), expect: claimLink },
    { label: `/admin/claims ?page=${page50}`, as: "editor", ...fixed(`/admin/claims?page=${page50}`), expect: claimLink },
    { label: "/admin/quotes", as: "editor", ...fixed("/admin/quotes"), expect: () => "/admin/quotes/bqt" },
    { label: "/admin/speakers", as: "editor", ...fixed("/admin/speakers"), expect: () => "/admin/speakers/bsp" },
    { label: "/admin/sources", as: "editor", ...fixed("/admin/sources"), expect: () => "/admin/sources/bsr" },
    { label: "/admin/articles", as: "editor", ...fixed("/admin/articles"), expect: () => "/admin/articles/bar" },
    { label: "/admin/review (review queue)", as: "reviewer", ...fixed("/admin/review"), expect: claimLink },
    {
      label: `/admin/claims/<id> (workspace, ${Math.min(samples, claims.length)} claims)`,
      as: "editor",
      ...rotating((i) => `/admin/claims/${claims[(i + warmup) % claims.length]!.id}`, warmup, samples),
      expect: byText,
    },
    {
      label: `/admin/claims/<id>/history (${Math.min(samples, claims.length)} claims)`,
      as: "editor",
      ...rotating((i) => `/admin/claims/${claims[(i + warmup) % claims.length]!.id}/history`, warmup, samples),
      expect: (path) => path.replace(/\/history$/, ""),
    },
  ];
}

interface Session {
  client: Client;
  jar: CookieJar;
}

async function fetchPage(session: Session, path: string) {
  return session.client.request({ path, headers: browserHeaders(session.client, session.jar, { accept: "text/html" }), timeoutMs: 60_000 });
}

export interface DeskRun {
  port: number;
  /** The app's process (its tree's CPU time is counted), if known. */
  pid?: number;
  db: Db;
  databaseUrl: string;
  password: string;
  samples: number;
  claims: number;
  /** The PostgreSQL server's log file, for counting statements; null: not counted. */
  logFile: string | null;
  step: Step;
}

const WARMUP = 3;
/** Requests counted per page when the statements are counted. */
const COUNTED = 3;

export async function measureDesk(run: DeskRun): Promise<{ results: DeskResult[]; statementsNote: string }> {
  const sessions = {} as Record<keyof typeof DESK_ACCOUNTS, Session>;
  for (const role of Object.keys(DESK_ACCOUNTS) as (keyof typeof DESK_ACCOUNTS)[]) {
    const client = new Client(run.port, 1);
    const jar = await run.step(`sign in as the ${role} (${DESK_ACCOUNTS[role]})`, () => signIn(client, DESK_ACCOUNTS[role], run.password));
    sessions[role] = { client, jar };
  }
  try {
    const pages = await deskPages(run.db, { samples: run.samples, warmup: WARMUP, claims: run.claims });
    // Every route once, so that loading a page's code is not in the first page's warm-up alone.
    for (const page of pages) await fetchPage(sessions[page.as], page.warmup[0]!);

    const results: DeskResult[] = [];
    for (const page of pages) {
      const session = sessions[page.as];
      const result = await run.step(page.label, async () => {
        for (const path of page.warmup) await fetchPage(session, path);
        const ms: number[] = [];
        const failures: string[] = [];
        let bytes = 0;
        const cpuBefore = run.pid ? processTreeCpuMs(run.pid) : 0;
        for (const path of page.measured) {
          const answer = await fetchPage(session, path);
          ms.push(answer.ms);
          bytes += answer.body.length;
          const expected = page.expect?.(path);
          if (answer.status !== 200) failures.push(`${path}: ${answer.status || answer.error} ${answer.headers.location ?? ""}`.trim());
          else if (expected && !answer.body.includes(expected)) failures.push(`${path}: 200 without "${expected}"`);
        }
        const cpu = run.pid ? (processTreeCpuMs(run.pid) - cpuBefore) / page.measured.length : undefined;
        return { page, ms, failures, bytes: bytes / page.measured.length, cpuMsPerAnswer: cpu || undefined } satisfies DeskResult;
      });
      results.push(result);
    }

    let statementsNote = "not counted (the database server's log was not found)";
    if (run.logFile && fs.existsSync(run.logFile)) {
      await run.step(`SQL statements per request (${COUNTED} requests a page, log_statement = all)`, () =>
        countStatements(run, sessions, results),
      );
      statementsNote = `from the database server's log with log_statement = all (${COUNTED} requests a page, after the timing; every statement of the app while the request ran, BEGIN/COMMIT included)`;
    }
    return { results, statementsNote };
  } finally {
    for (const { client } of Object.values(sessions)) client.close();
  }
}

async function countStatements(run: DeskRun, sessions: Record<keyof typeof DESK_ACCOUNTS, Session>, results: DeskResult[]): Promise<void> {
  const logFile = run.logFile!;
  const admin = new pg.Client({ connectionString: run.databaseUrl });
  await admin.connect();
  try {
    await admin.query("ALTER SYSTEM SET log_statement = 'all'");
    await admin.query("SELECT pg_reload_conf()");
    // Each connection reads the new setting before its next statement; the signal takes a moment.
    await sleep(500);
    for (const result of results) {
      const session = sessions[result.page.as];
      const counts: number[] = [];
      for (let i = 0; i < COUNTED; i++) {
        const path = result.page.measured[i % result.page.measured.length]!;
        const from = fs.statSync(logFile).size;
        await fetchPage(session, path);
        // What the app does right after answering (work scheduled with after()) belongs to the request.
        await sleep(150);
        counts.push(countLoggedStatements(readFrom(logFile, from)));
      }
      result.statements = counts;
    }
  } finally {
    await admin.query("ALTER SYSTEM RESET log_statement").catch(() => undefined);
    await admin.query("SELECT pg_reload_conf()").catch(() => undefined);
    await admin.end();
  }
}

// ---------------------------------------------------------------------------------------
// The report.

function figure(values: number[] | undefined): string {
  if (!values?.length) return "–";
  const sorted = [...values].sort((a, b) => a - b);
  const median = percentile(sorted, 0.5);
  return sorted[0] === sorted[sorted.length - 1] ? String(median) : `${median} (${sorted[0]}–${sorted[sorted.length - 1]})`;
}

export function printDeskTable(results: DeskResult[], statementsNote: string): void {
  const header = ["page", "as", "n", "median ms", "p90 ms", "min–max ms", "CPU ms/answer", "KB", "SQL/request", `< ${DESK_TARGET_MS} ms`];
  const lines = results.map(({ page, ms, failures, bytes, cpuMsPerAnswer, statements }) => {
    const sorted = [...ms].sort((a, b) => a - b);
    const median = percentile(sorted, 0.5);
    const ok = failures.length === 0 && median < DESK_TARGET_MS;
    return [
      page.label,
      page.as,
      String(ms.length),
      median.toFixed(1),
      percentile(sorted, 0.9).toFixed(1),
      `${sorted[0]!.toFixed(0)}–${sorted[sorted.length - 1]!.toFixed(0)}`,
      cpuMsPerAnswer === undefined ? "–" : cpuMsPerAnswer.toFixed(1),
      (bytes / 1024).toFixed(1),
      figure(statements),
      failures.length ? `✗ (${failures.length} not the page)` : ok ? "✓" : "✗",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const left = new Set([0, 1, 8, 9]);
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (left.has(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w, i) => (left.has(i) ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const l of lines) console.log(fmt(l));
  const under = results.filter((r) => r.failures.length === 0 && percentile([...r.ms].sort((a, b) => a - b), 0.5) < DESK_TARGET_MS).length;
  console.log(`\n${under} of ${results.length} desk pages answer in under ${DESK_TARGET_MS} ms median (target: all).`);
  console.log(`SQL/request: median (min–max) ${statementsNote}.`);
  for (const r of results.filter((r) => r.failures.length)) {
    console.log(`${r.page.label}: ${r.failures.length} answers were not the page, e.g. ${r.failures.slice(0, 3).join("; ")}`);
  }
}

// "Similar existing records" while an editor types a new speaker or claim, so that the desk
// does not create the same one twice. Trigram similarity (pg_trgm, GIN indexes on
// Speaker.name, SpeakerAlias.alias and Claim.text):
// - `a % b` / similarity(): the whole strings are alike ("Wladimir Putn" ~ "Wladimir Putin");
// - `q <% text` / word_similarity(): the typed words are alike some stretch of a longer text
//   ("95 Prozent Herrschaftsgebiet IS" ~ "Allerdings hat der IS bereits 95 Prozent seines
//   Herrschaftsgebietes ..."), which whole-string similarity misses for long claim texts.
// The score is the greater of the two (0..1). Queries are tagged templates: every value is a
// bound parameter, never spliced into the SQL.
import { db } from "../db/client";
import type { ClaimStatus, SpeakerKind } from "../generated/prisma/client";

type Client = typeof db;

export const SIMILAR_MIN_LENGTH = 3;
export const SIMILAR_MAX_LENGTH = 300;
const LIMIT = 5;

export interface SimilarSpeaker {
  id: string;
  name: string;
  kind: SpeakerKind;
  /** The alias that matched best, when it was an alias rather than the name. */
  alias: string | null;
  score: number;
}

export interface SimilarClaim {
  id: string;
  text: string;
  status: ClaimStatus;
  score: number;
}

export interface SimilarOptions {
  /** Leave this record out (the one being edited). */
  excludeId?: string;
  limit?: number;
}

function clean(q: string): string | null {
  const s = q.trim().replace(/\s+/g, " ").slice(0, SIMILAR_MAX_LENGTH);
  return s.length >= SIMILAR_MIN_LENGTH ? s : null;
}

const limitOf = (o: SimilarOptions) => Math.min(Math.max(1, Math.floor(o.limit ?? LIMIT)), 20);

/** Up to 5 speakers whose name or an alias is like `q`, best first. */
export async function similarSpeakers(q: string, options: SimilarOptions = {}, client: Client = db): Promise<SimilarSpeaker[]> {
  const query = clean(q);
  if (!query) return [];
  const exclude = options.excludeId ?? null;
  const rows = await client.$queryRaw<{ id: string; name: string; kind: SpeakerKind; alias: string | null; score: number }[]>`
    WITH matches AS (
      SELECT s.id AS "speakerId", NULL::text AS alias,
             GREATEST(similarity(s.name, ${query}), word_similarity(${query}, s.name)) AS score
        FROM "Speaker" s
       WHERE s.name % ${query} OR ${query} <% s.name
      UNION ALL
      SELECT a."speakerId", a.alias,
             GREATEST(similarity(a.alias, ${query}), word_similarity(${query}, a.alias)) AS score
        FROM "SpeakerAlias" a
       WHERE a.alias % ${query} OR ${query} <% a.alias
    ),
    best AS (
      SELECT DISTINCT ON ("speakerId") "speakerId", alias, score
        FROM matches
       ORDER BY "speakerId", score DESC, alias NULLS FIRST
    )
    SELECT s.id, s.name, s.kind::text AS kind, best.alias, best.score::float8 AS score
      FROM best
      JOIN "Speaker" s ON s.id = best."speakerId"
     WHERE ${exclude}::text IS NULL OR s.id <> ${exclude}::text
     ORDER BY best.score DESC, s.name ASC
     LIMIT ${limitOf(options)}`;
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, alias: r.alias, score: Number(r.score) }));
}

/** Up to 5 claims in any status whose text is like `q`, best first (the newsroom sees all). */
export async function similarClaims(q: string, options: SimilarOptions = {}, client: Client = db): Promise<SimilarClaim[]> {
  const query = clean(q);
  if (!query) return [];
  const exclude = options.excludeId ?? null;
  const rows = await client.$queryRaw<{ id: string; text: string; status: ClaimStatus; score: number }[]>`
    SELECT c.id, c.text, c.status::text AS status,
           GREATEST(similarity(c.text, ${query}), word_similarity(${query}, c.text))::float8 AS score
      FROM "Claim" c
     WHERE (c.text % ${query} OR ${query} <% c.text)
       AND (${exclude}::text IS NULL OR c.id <> ${exclude}::text)
     ORDER BY score DESC, c."updatedAt" DESC
     LIMIT ${limitOf(options)}`;
  return rows.map((r) => ({ id: r.id, text: r.text, status: r.status, score: Number(r.score) }));
}

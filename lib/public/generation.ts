// The public generation: one number in the database that grows with every change readers can
// see. Page caches in front of the app (lib/launcher/page-cache.ts, one per app server) read it
// every second and drop what they stored under an older number, so a publication, correction or
// retraction reaches every reader within about a second, whichever app server made it.
//
// It lives in the Setting table under a key of its own (not a newsroom setting: nothing shows
// or edits it).
import type { Db } from "../db/client";

export const PUBLIC_GENERATION_KEY = "public.generation";

/** The request header in which the page cache tells Next.js the generation it knows; the
 * data cache (lib/public/cached.ts) keys its entries with it, so that a change made through
 * another app server, whose tags this one never saw, still gets fresh data. */
export const GENERATION_HEADER = "x-claimbase-generation";

/** Counts one more public change. One statement, so concurrent bumps never lose one. */
export async function bumpPublicGeneration(client: Db): Promise<void> {
  await client.$executeRaw`
    INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (${PUBLIC_GENERATION_KEY}, '1'::jsonb, now())
    ON CONFLICT ("key") DO UPDATE
      SET "value" = to_jsonb(COALESCE(("Setting"."value" #>> '{}')::bigint, 0) + 1), "updatedAt" = now()`;
}

/** The current generation ("0" before the first change). */
export async function readPublicGeneration(client: Db): Promise<string> {
  const rows = await client.$queryRaw<{ value: string | null }[]>`
    SELECT "value" #>> '{}' AS "value" FROM "Setting" WHERE "key" = ${PUBLIC_GENERATION_KEY}`;
  return rows[0]?.value ?? "0";
}

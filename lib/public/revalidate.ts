// Invalidation of the public cache, called by the desk's server actions (their `after` hooks)
// when what readers see may have changed.
//
// Revalidating a tag drops the data entries of lib/public/cached.ts that carry it and every
// prerendered page built from them, on this app server at once and on every other one on the
// same database within milliseconds (lib/cache/handler.mjs: a table and NOTIFY). docs/caching.md.
//
// Tags expire at once (`{ expire: 0 }`), not stale-while-revalidate (`"max"`): the next reader
// of a corrected or retracted claim must get the new version, not one more stale copy. It works
// in server actions and route handlers alike, and also marks the action's response as
// revalidated, so the browser's router cache is refreshed too. The search vocabulary
// (lib/public/search.ts) is refreshed after the response, spaced from the last refresh.
import { revalidateTag } from "next/cache";
import { after } from "next/server";
import { db } from "../db/client";
import { publicTags } from "./cached";
import { refreshSearchWords } from "./search";

/** What changed: "all" for anything that may show on many pages (a speaker's name, a source,
 * a quote, a topic, the verdict scale), or the slugs of the claims whose public version
 * changed and of the speakers and topics whose pages list them. */
export type PublicChange = "all" | { claims?: readonly string[]; speakers?: readonly string[]; topics?: readonly string[] };

const NOW = { expire: 0 } as const;

export async function revalidatePublic(change: PublicChange): Promise<void> {
  revalidateTags(change);
  afterResponse(() => refreshSearchWords(db, { spaced: true }));
}

function revalidateTags(change: PublicChange): void {
  if (change === "all") {
    revalidateTag(publicTags.all, NOW);
    return;
  }
  // A claim's verdict, status and summary show in the lists too (home, corrections, topics,
  // sitemap, search filters).
  if (change.claims?.length) revalidateTag(publicTags.claimList, NOW);
  // Any of them may be among the results of a stored search.
  revalidateTag(publicTags.search, NOW);
  for (const slug of new Set(change.claims)) revalidateTag(publicTags.claim(slug), NOW);
  for (const slug of new Set(change.speakers)) revalidateTag(publicTags.speaker(slug), NOW);
  for (const slug of new Set(change.topics)) revalidateTag(publicTags.topic(slug), NOW);
}

/** Runs a task after the response (Next.js `after`); outside a request (scripts, tests) now. */
function afterResponse(task: () => Promise<void>): void {
  const logged = () => task().catch((error: unknown) => console.error("After a public change:", error));
  try {
    after(logged);
  } catch {
    void logged();
  }
}

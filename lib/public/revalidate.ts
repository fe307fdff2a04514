// Invalidation of the public data cache (lib/public/cached.ts), called by the desk's server
// actions (their `after` hooks) when what readers see may have changed.
//
// Tags expire at once (`{ expire: 0 }`), not stale-while-revalidate (`"max"`): the next reader
// of a corrected or retracted claim must get the new version, not one more stale copy. It works
// in server actions and route handlers alike, and also marks the action's response as
// revalidated, so the browser's router cache is refreshed too.
//
// Tags are local to this server process (Next.js keeps revalidated tags in memory). Every app
// server learns of the change through the public generation in the database, counted here
// before the action answers: the page cache in front of each app server
// (lib/launcher/page-cache.ts) reads it (at once after a write through it, else every second),
// drops its stored pages, and sends it with each request to Next.js, whose data cache keys its
// entries with it (lib/public/cached.ts). So the editor who published sees the new version at
// once, and readers of every app server within a second. The search vocabulary
// (lib/public/search.ts) is refreshed after the response.
import { revalidateTag } from "next/cache";
import { after } from "next/server";
import { db } from "../db/client";
import { publicTags } from "./cached";
import { bumpPublicGeneration } from "./generation";
import { refreshSearchWords } from "./search";

/** What changed: "all" for anything that may show on many pages (a speaker's name, a source,
 * a quote, a topic, the verdict scale), or the slugs of the claims whose public version
 * changed and of the speakers and topics whose pages list them. */
export type PublicChange = "all" | { claims?: readonly string[]; speakers?: readonly string[]; topics?: readonly string[] };

const NOW = { expire: 0 } as const;

export async function revalidatePublic(change: PublicChange): Promise<void> {
  revalidateTags(change);
  try {
    await bumpPublicGeneration(db);
  } catch (error) {
    // The change is saved; the page caches then catch up within CLAIMBASE_PAGE_CACHE_SECONDS.
    console.error("Could not count the public change:", error);
  }
  afterResponse(() => refreshSearchWords(db));
}

function revalidateTags(change: PublicChange): void {
  if (change === "all") {
    revalidateTag(publicTags.all, NOW);
    return;
  }
  // A claim's verdict, status and summary show in the lists too (home, corrections, topics,
  // sitemap, search filters).
  if (change.claims?.length) revalidateTag(publicTags.claimList, NOW);
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

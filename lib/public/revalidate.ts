// Invalidation of the public data cache (lib/public/cached.ts), called by the desk's server
// actions (their `after` hooks) when what readers see may have changed.
//
// Tags expire at once (`{ expire: 0 }`), not stale-while-revalidate (`"max"`): the next reader
// of a corrected or retracted claim must get the new version, not one more stale copy. It works
// in server actions and route handlers alike, and also marks the action's response as
// revalidated, so the browser's router cache is refreshed too.
//
// The data cache's invalidation is local to this server process (Next.js keeps revalidated
// tags in memory); other app servers on the same database catch up within
// PUBLIC_CACHE_SECONDS. The page caches in front of the app servers (lib/launcher/page-cache.ts)
// learn of the change through the public generation in the database, counted once the
// response has been sent: by then Next.js has applied the tags, so a page cache that fetches
// the page again gets the new version. The search vocabulary (lib/public/search.ts) is
// refreshed then too.
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

export function revalidatePublic(change: PublicChange): void {
  revalidateTags(change);
  afterResponse(() => bumpPublicGeneration(db));
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

// npm run drill -- soak [--minutes 30] [--rate 10] [--engine embedded|postgres] [--seed N]
//
// Does the app hold up under hours of ordinary use? A throwaway instance (instance.ts: demo
// newsroom, production build, npm start's launcher on a loopback port) gets a steady stream of
// mixed traffic for --minutes at --rate requests per second, sent on schedule whether or not
// earlier answers came (so a slow server meets the same demand, as it would from readers):
//   - public reads (60 %): home, claim pages, speaker pages, topics, corrections, methodology,
//     feeds, sitemap, embed cards and oEmbed, in German and English;
//   - searches (25 %): varied terms taken from the demo newsroom, some with filters and pages;
//   - desk writes (15 %): the demo editor and contributor, signed in through Auth.js, create
//     and edit quote and claim drafts through the same server actions their browsers call
//     (a multipart POST with the Next-Action header, client.ts).
// Every minute a line: requests, 5xx, answers that never came, writes done and refused, p50 and
// p99 latency of the minute, and the resident memory (RSS) of the Next.js server process from
// /proc. At the end: totals, p99 per kind, and RSS at the start and the end.
// Exit code 1 when any answer was a 5xx, never came, or a write failed with an unexpected error.
import path from "node:path";
import { Client, CookieJar, actionOutcome, browserHeaders, callAction, pageRoute, readActionManifest, signIn, type ActionRef, type Answer, type FormEntry } from "./client";
import { startInstance, type Instance } from "./instance";
import { cleanUp, guard, mib, parseOptions, percentile, stopping } from "../lifecycle";
import { describeMachine, loadAverage, pick, seeded } from "./machine";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Requests waiting for an answer at most; beyond it a scheduled request is skipped (and counted). */
const MAX_IN_FLIGHT = 256;
const REQUEST_TIMEOUT_MS = 60_000;

type Kind = "read" | "search" | "write";

interface Sample {
  kind: Kind;
  label: string;
  status: number;
  ms: number;
  error?: string;
  /** For writes: what the action answered ("ok", "redirect", "conflict", "internal", ...). */
  outcome?: string;
}

interface Writer {
  role: "editor" | "contributor";
  email: string;
  password: string;
  jar: CookieJar;
  quotes: { id: string; version: number }[];
  claims: { id: string; version: number }[];
}

interface Fixtures {
  claimSlugs: string[];
  speakerSlugs: string[];
  topicSlugs: string[];
  verdictSlugs: string[];
  speakerIds: string[];
  terms: string[];
}

async function fixtures(instance: Instance): Promise<Fixtures> {
  const { db } = instance;
  const claims = await db.claim.findMany({ where: { publicState: { not: null } }, select: { slug: true, text: true, claimantId: true } });
  const speakers = await db.speaker.findMany({ select: { id: true, slug: true, name: true } });
  const publicSpeakers = new Set(claims.map((c) => c.claimantId));
  const topics = await db.topic.findMany({ select: { slug: true } });
  const verdicts = await db.verdictLabel.findMany({ where: { active: true }, select: { key: true } });
  // Search terms: words of the public claims and speakers' names, some cut short (typing), some
  // that match nothing.
  const words = [...new Set([...claims.flatMap((c) => c.text.split(/[^\p{L}\p{N}]+/u)), ...speakers.flatMap((s) => s.name.split(/\s+/))])].filter(
    (w) => w.length >= 4,
  );
  const terms = [...words, ...words.map((w) => w.slice(0, Math.max(3, w.length - 2))), "Rente 2023", "Inflation", "Klimaschutz", "xyzzy", "Zzzyx Quux"];
  if (!claims.length) throw new Error("The demo newsroom has no public claim.");
  return {
    claimSlugs: claims.map((c) => c.slug),
    speakerSlugs: speakers.filter((s) => publicSpeakers.has(s.id)).map((s) => s.slug),
    topicSlugs: topics.map((t) => t.slug),
    verdictSlugs: verdicts.map((v) => v.key),
    speakerIds: speakers.map((s) => s.id),
    terms,
  };
}

/** The public URL of a read, in either language. */
function readPath(random: () => number, f: Fixtures): string {
  const lang = random() < 0.3 ? "/en" : "";
  const e = encodeURIComponent;
  const paths = [
    () => lang || "/",
    () => `${lang}/claims/${e(pick(random, f.claimSlugs))}`,
    () => `${lang}/claims/${e(pick(random, f.claimSlugs))}`,
    () => `${lang}/claims/${e(pick(random, f.claimSlugs))}`,
    () => `${lang}/speakers/${e(pick(random, f.speakerSlugs))}`,
    () => `${lang}/speakers/${e(pick(random, f.speakerSlugs))}`,
    () => `${lang}/topics`,
    () => (f.topicSlugs.length ? `${lang}/topics/${e(pick(random, f.topicSlugs))}` : `${lang}/topics`),
    () => `${lang}/corrections`,
    () => `${lang}/methodology`,
    () => `${lang}/feed.xml`,
    () => "/sitemap.xml",
    () => `/embed/claims/${e(pick(random, f.claimSlugs))}`,
    () => `/api/oembed?url=${e(`ORIGIN${lang}/claims/${pick(random, f.claimSlugs)}`)}&format=json`,
    () => "/robots.txt",
  ];
  return pick(random, paths)();
}

function searchPath(random: () => number, f: Fixtures): string {
  const lang = random() < 0.3 ? "/en" : "";
  const params = new URLSearchParams({ q: pick(random, f.terms) });
  const r = random();
  if (r < 0.15) params.set("type", pick(random, ["claims", "quotes", "speakers"]));
  else if (r < 0.25 && f.verdictSlugs.length) params.set("verdict", pick(random, f.verdictSlugs));
  else if (r < 0.3) params.set("page", "2");
  return `${lang}/search?${params}`;
}

function findAction(actions: ActionRef[], file: string, exportName: string): ActionRef {
  const found = actions.find((a) => a.filename === file && a.exportedName === exportName);
  if (!found) throw new Error(`The build has no server action ${exportName} of ${file}: is it current?`);
  return found;
}

/** The page a form of the action is on, with its [id] filled in. */
function actionPath(action: ActionRef, id?: string): string {
  const route = action.pages.map(pageRoute).sort((a, b) => a.length - b.length)[0] ?? "/admin";
  return route.replace(/\[[^\]]+\]/g, id ?? "x");
}

export async function run(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    minutes: { default: 30, min: 1, max: 24 * 60 },
    rate: { default: 10, min: 1, max: 1000 },
    engine: { default: "embedded", choices: ["embedded", "postgres"] },
    seed: { default: 1, min: 0, max: 2 ** 31 - 1 },
  });
  // The build (when needed) and the start come on top of the soak itself.
  guard("the soak drill", (options.minutes + 45) * 60_000);
  const random = seeded(options.seed);
  console.log(`Soak drill: ${options.minutes} min at ${options.rate} requests/s (seed ${options.seed}), engine ${options.engine}`);
  console.log(`Machine: ${describeMachine()}`);
  console.log(`Load average before: ${loadAverage()} (other work on the machine shows in every figure)\n`);

  console.log("Instance");
  const instance = await startInstance({ label: "soak", engine: options.engine as "embedded" | "postgres" });
  const client = new Client(instance.port, 64);
  const f = await fixtures(instance);
  const manifest = readActionManifest(ROOT);
  const QUOTES = "app/(desk)/admin/quotes/actions.ts";
  const CLAIMS = "app/(desk)/admin/claims/actions.ts";
  const act = {
    createQuote: findAction(manifest, QUOTES, "createQuoteAction"),
    updateQuote: findAction(manifest, QUOTES, "updateQuoteAction"),
    createClaim: findAction(manifest, CLAIMS, "createClaimAction"),
    updateClaim: findAction(manifest, CLAIMS, "updateClaimAction"),
  };
  const writers: Writer[] = [];
  for (const role of ["editor", "contributor"] as const) {
    const { email, password } = instance.accounts[role];
    writers.push({ role, email, password, jar: await signIn(client, email, password), quotes: [], claims: [] });
  }
  console.log(`  signed in: ${writers.map((w) => `${w.email} (${w.role})`).join(", ")}`);

  let writeCount = 0;
  const write = async (): Promise<Sample> => {
    const writer = pick(random, writers);
    const n = ++writeCount;
    const text = `Soak ${n}: ${pick(random, f.terms)} ${pick(random, f.terms)} ${pick(random, f.terms)}.`;
    const op = random();
    let label: string;
    let answer: Answer;
    let onSuccess: (redirect?: string) => void;
    let stale: (() => Promise<void>) | undefined;
    if (op < 0.25 || (op < 0.5 && !writer.quotes.length)) {
      label = "quotes.create";
      const entries: FormEntry[] = [
        ["speakerId", pick(random, f.speakerIds)],
        ["text", text],
        ["language", "de"],
        ["kind", "direct"],
        ["saidOn", ""],
        ["occasion", "Soak-Drill"],
      ];
      answer = await callAction(client, writer.jar, { action: act.createQuote, path: actionPath(act.createQuote), previous: { status: "idle" }, entries }, {}, REQUEST_TIMEOUT_MS);
      onSuccess = (redirect) => {
        const id = /\/admin\/quotes\/([^/?;]+)/.exec(redirect ?? "")?.[1];
        if (id) writer.quotes.push({ id, version: 1 });
      };
    } else if (op < 0.5) {
      label = "quotes.update";
      const quote = pick(random, writer.quotes);
      const quoteRow = await instance.db.quote.findUnique({ where: { id: quote.id }, select: { speakerId: true } });
      const entries: FormEntry[] = [
        ["id", quote.id],
        ["version", String(quote.version)],
        ["speakerId", quoteRow?.speakerId ?? pick(random, f.speakerIds)],
        ["text", text],
        ["language", "de"],
        ["kind", "direct"],
        ["occasion", `Soak-Drill, Fassung ${quote.version + 1}`],
      ];
      answer = await callAction(client, writer.jar, { action: act.updateQuote, path: actionPath(act.updateQuote, quote.id), previous: { status: "idle" }, entries }, {}, REQUEST_TIMEOUT_MS);
      onSuccess = () => void quote.version++;
      stale = async () => {
        const row = await instance.db.quote.findUnique({ where: { id: quote.id }, select: { version: true } });
        if (row) quote.version = row.version;
      };
    } else if (op < 0.75 || !writer.claims.length) {
      label = "claims.create";
      const entries: FormEntry[] = [
        ["text", text],
        ["language", "de"],
        ["researchNotes", `Angelegt vom Soak-Drill (${n}).`],
      ];
      answer = await callAction(client, writer.jar, { action: act.createClaim, path: actionPath(act.createClaim), previous: { status: "idle" }, entries }, {}, REQUEST_TIMEOUT_MS);
      onSuccess = (redirect) => {
        const id = /\/admin\/claims\/([^/?;]+)/.exec(redirect ?? "")?.[1];
        if (id) writer.claims.push({ id, version: 1 });
      };
    } else {
      label = "claims.update";
      const claim = pick(random, writer.claims);
      const entries: FormEntry[] = [
        ["claimId", claim.id],
        ["version", String(claim.version)],
        ["text", text],
        ["language", "de"],
        ["researchNotes", `Bearbeitet vom Soak-Drill (${n}).`],
      ];
      answer = await callAction(client, writer.jar, { action: act.updateClaim, path: actionPath(act.updateClaim, claim.id), previous: { status: "idle" }, entries }, {}, REQUEST_TIMEOUT_MS);
      onSuccess = () => void claim.version++;
      stale = async () => {
        const row = await instance.db.claim.findUnique({ where: { id: claim.id }, select: { version: true } });
        if (row) claim.version = row.version;
      };
    }
    const outcome = answer.status === 200 ? actionOutcome(answer) : { result: `http ${answer.status}` };
    if (outcome.result === "ok" || outcome.result === "redirect") onSuccess(outcome.redirect);
    // Two saves of the same record in flight at once: the second one is refused, as it should be.
    if (outcome.result === "conflict") await stale?.();
    if (outcome.result === "unauthenticated") writer.jar = await signIn(client, writer.email, writer.password).catch(() => writer.jar);
    return { kind: "write", label, status: answer.status, ms: answer.ms, error: answer.error, outcome: outcome.result };
  };

  const read = async (kind: "read" | "search"): Promise<Sample> => {
    const p = (kind === "read" ? readPath(random, f) : searchPath(random, f)).replace("ORIGIN", instance.origin);
    const answer = await client.request({ path: p, headers: browserHeaders(client, null), timeoutMs: REQUEST_TIMEOUT_MS });
    return { kind, label: p, status: answer.status, ms: answer.ms, error: answer.error };
  };

  // Warm-up: every kind of page once, so that the start figure is of a server that has served.
  for (let i = 0; i < 30; i++) await read(i % 3 === 0 ? "search" : "read");
  const rssStart = instance.rss();
  console.log(`  RSS of the Next.js server (pid ${instance.serverPid ?? "?"}) after warm-up: ${mib(rssStart)}\n`);

  console.log(`Load: ${options.rate} requests/s for ${options.minutes} min (60 % public reads, 25 % searches, 15 % desk writes)`);
  console.log("minute  requests  5xx  no answer  writes ok/refused  p50 ms  p99 ms  RSS");
  const all: Sample[] = [];
  const failures: Sample[] = [];
  let minute: Sample[] = [];
  let skipped = 0;
  let inFlight = 0;
  const pending = new Set<Promise<void>>();
  const interval = 1000 / options.rate;
  const started = performance.now();
  const end = started + options.minutes * 60_000;
  let nextMinute = started + 60_000;
  let minuteNo = 0;
  const rssByMinute: (number | null)[] = [];
  const writesRefused = new Map<string, number>();

  const printMinute = (samples: Sample[]) => {
    minuteNo++;
    const ms = samples.filter((s) => s.status > 0).map((s) => s.ms).sort((a, b) => a - b);
    const writes = samples.filter((s) => s.kind === "write");
    const ok = writes.filter((s) => s.outcome === "ok" || s.outcome === "redirect").length;
    const rss = instance.rss();
    rssByMinute.push(rss);
    console.log(
      `${String(minuteNo).padStart(6)}  ${String(samples.length).padStart(8)}  ${String(samples.filter((s) => s.status >= 500).length).padStart(3)}  ` +
        `${String(samples.filter((s) => s.status === 0).length).padStart(9)}  ${`${ok}/${writes.length - ok}`.padStart(17)}  ` +
        `${percentile(ms, 0.5).toFixed(0).padStart(6)}  ${percentile(ms, 0.99).toFixed(0).padStart(6)}  ${mib(rss)}`,
    );
  };

  const record = (s: Sample) => {
    all.push(s);
    minute.push(s);
    const badWrite = s.kind === "write" && s.status === 200 && !["ok", "redirect"].includes(s.outcome ?? "");
    if (badWrite) writesRefused.set(`${s.label}: ${s.outcome}`, (writesRefused.get(`${s.label}: ${s.outcome}`) ?? 0) + 1);
    if (s.status >= 500 || s.status === 0 || s.outcome === "internal" || s.outcome === "unauthenticated") failures.push(s);
  };

  let tick = started;
  while (tick < end && !stopping()) {
    if (!instance.alive()) throw new Error(`The app stopped during the soak:\n${instance.logTail()}`);
    const now = performance.now();
    if (now >= nextMinute) {
      // The requests sent in the minute that ended, answered or not yet: finished ones only.
      printMinute(minute);
      minute = [];
      nextMinute += 60_000;
    }
    if (inFlight >= MAX_IN_FLIGHT) skipped++;
    else {
      const r = random();
      const kind: Kind = r < 0.6 ? "read" : r < 0.85 ? "search" : "write";
      inFlight++;
      const p = (kind === "write" ? write() : read(kind))
        .catch((error: unknown): Sample => ({ kind, label: "(drill error)", status: 0, ms: 0, error: String(error) }))
        .then((s) => {
          inFlight--;
          record(s);
        });
      pending.add(p);
      void p.finally(() => pending.delete(p));
    }
    tick += interval;
    const wait = tick - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await Promise.all(pending);
  if (minute.length) printMinute(minute);
  const rssEnd = instance.rss();

  // Report.
  const seconds = (performance.now() - started) / 1000;
  const answered = all.filter((s) => s.status > 0);
  const sorted = answered.map((s) => s.ms).sort((a, b) => a - b);
  const byKind = (k: Kind) => answered.filter((s) => s.kind === k).map((s) => s.ms).sort((a, b) => a - b);
  const fivexx = all.filter((s) => s.status >= 500).length;
  const noAnswer = all.filter((s) => s.status === 0).length;
  const internal = all.filter((s) => s.outcome === "internal").length;
  const writes = all.filter((s) => s.kind === "write");
  const writesOk = writes.filter((s) => s.outcome === "ok" || s.outcome === "redirect").length;
  console.log(`\n=== Soak: ${options.minutes} min at ${options.rate} requests/s ===`);
  console.log(`Requests: ${all.length} in ${seconds.toFixed(0)} s (${(all.length / seconds).toFixed(1)}/s), skipped because ${MAX_IN_FLIGHT} were waiting: ${skipped}`);
  console.log(`5xx answers: ${fivexx}; no answer (timeout ${REQUEST_TIMEOUT_MS / 1000} s or connection error): ${noAnswer}`);
  console.log(
    `Latency: p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p99 ${percentile(sorted, 0.99).toFixed(0)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms ` +
      `(p99 reads ${percentile(byKind("read"), 0.99).toFixed(0)} ms, searches ${percentile(byKind("search"), 0.99).toFixed(0)} ms, writes ${percentile(byKind("write"), 0.99).toFixed(0)} ms)`,
  );
  console.log(`Desk writes: ${writes.length}, saved ${writesOk}; refused: ${[...writesRefused].map(([k, v]) => `${k} ×${v}`).join(", ") || "none"}`);
  const firstMinute = rssByMinute[0] ?? null;
  console.log(
    `RSS of the Next.js server: ${mib(rssStart)} at the start, ${mib(firstMinute)} after the first minute, ${mib(rssEnd)} at the end` +
      (firstMinute !== null && rssEnd !== null ? ` (${rssEnd >= firstMinute ? "+" : ""}${mib(rssEnd - firstMinute)} since the first minute)` : ""),
  );
  console.log(`Load average after: ${loadAverage()}`);
  if (failures.length) {
    console.log(`\nFailures (${failures.length}; the first 20):`);
    for (const s of failures.slice(0, 20)) console.log(`  ${s.kind} ${s.label}: ${s.status || s.error}${s.outcome ? ` (${s.outcome})` : ""}`);
    console.log(`\nThe app's last lines:\n${instance.logTail(30)}`);
  }
  const failed = fivexx > 0 || noAnswer > 0 || internal > 0;
  console.log(failed ? "\nFAILED: see above." : "\nPASSED: no 5xx, every request answered, no unexpected error in a write.");
  client.close();
  await cleanUp();
  return failed ? 1 : 0;
}

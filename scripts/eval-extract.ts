// npm run eval:extract -- [--print] [--failures] [--known] [--set seed|dev] [--dev DIR]
//
// Scores the extractor (lib/extract) against the gold annotations: the seed article
// (../shared/seed/apec-2017-de.gold.json) and the development set
// (tests/fixtures/extraction/dev/*.gold.json). Prints, per set, precision/recall/F1 for quote
// spans (exact and overlapping) for direct and indirect speech and both combined, speaker
// accuracy on the quotes found, and claim recall; then checks the targets.
//
//   --print     only print: exit 0 even when a target is missed (default: exit 1, so it gates)
//   --failures  list every missed, spurious and misattributed item
//   --known     pass the gold speakers as known speakers (as the review screen does with the
//               speakers already in the database); the default measures the text alone
import path from "node:path";
import { extractArticle } from "../lib/extract/index";
import { loadGoldDir, loadGoldFile, type GoldEntry } from "../lib/extract/goldset";
import { checkTargets, scoreDocument, summarize, type DocScore, type KindSummary } from "../lib/extract/score";

const repoRoot = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (["--print", "--failures", "--known"].includes(a)) continue;
  if (["--set", "--dev"].includes(a)) {
    i++;
    continue;
  }
  console.error(`eval-extract: unknown argument ${a}`);
  process.exit(2);
}

const onlySet = option("--set");
const sets: { name: "seed" | "dev"; entries: GoldEntry[] }[] = [];
if (!onlySet || onlySet === "seed") {
  sets.push({ name: "seed", entries: [loadGoldFile(path.resolve(repoRoot, "../shared/seed/apec-2017-de.gold.json"))] });
}
if (!onlySet || onlySet === "dev") {
  const dir = path.resolve(repoRoot, option("--dev") ?? "tests/fixtures/extraction/dev");
  sets.push({ name: "dev", entries: loadGoldDir(dir) });
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5) + "%";
function row(label: string, k: KindSummary): string {
  const c = k.counts;
  return (
    `  ${label.padEnd(9)} gold ${String(c.gold).padStart(3)}  pred ${String(c.predicted).padStart(3)}  ` +
    `exact P ${pct(k.exact.precision)} R ${pct(k.exact.recall)} F1 ${pct(k.exact.f1)}  ` +
    `overlap P ${pct(k.overlap.precision)} R ${pct(k.overlap.recall)} F1 ${pct(k.overlap.f1)}  ` +
    `speaker ${pct(k.speakerAccuracy)} (${c.speakerCorrect}/${c.speakerTotal})`
  );
}

let missed = false;
for (const set of sets) {
  if (set.entries.length === 0) {
    console.log(`\n== ${set.name}: no gold files found`);
    continue;
  }
  const scores: DocScore[] = [];
  const langs = new Map<string, number>();
  for (const e of set.entries) {
    const known = flag("--known") ? e.gold.speakers.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases ?? [] })) : [];
    const result = extractArticle(e.text, { language: e.gold.language ?? "auto", knownSpeakers: known });
    langs.set(result.language, (langs.get(result.language) ?? 0) + 1);
    scores.push(scoreDocument(e.name, e.text, e.gold, result));
  }
  const s = summarize(scores);
  console.log(`\n== ${set.name}: ${s.documents} document(s) (${[...langs].map(([l, n]) => `${n} ${l}`).join(", ")})${flag("--known") ? ", with known speakers" : ""}`);
  console.log(row("direct", s.direct));
  console.log(row("indirect", s.indirect));
  console.log(row("combined", s.combined));
  console.log(`  claims    recall ${pct(s.claimRecall)} (${s.claimsFound}/${s.claimsGold}), quantity value right on ${pct(s.quantityAccuracy)} of found claims with a gold quantity`);
  for (const t of checkTargets(set.name, s)) {
    console.log(`  target    ${t.label} ${pct(t.value)} >= ${pct(t.min)}  ${t.ok ? "ok" : "MISSED"}`);
    if (!t.ok) missed = true;
  }
  if (flag("--failures")) {
    for (const sc of scores) {
      for (const f of sc.failures) {
        console.log(`  ${f.what.padEnd(12)} ${(f.kind ?? "claim").padEnd(8)} ${sc.document} [${f.start},${f.end}] "${f.text}"${f.detail ? ` — ${f.detail}` : ""}`);
      }
    }
  }
}

if (missed && !flag("--print")) {
  console.error("\neval-extract: a target was missed (use --print to only report)");
  process.exit(1);
}

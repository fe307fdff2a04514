// Scoring the extractor against hand annotations (the seed's gold file format). Used by
// `npm run eval:extract` and by the unit tests, so both report the same figures.
//
// Matching rules:
// - exact: same kind, same start and end;
// - overlap: same kind, and the shared characters cover at least half of the shorter span;
//   each gold item matches at most one prediction (greedy, best overlap first), so a nested
//   quote and its parent do not both match one gold span;
// - speaker accuracy: over overlap-matched quotes, the predicted speaker is the gold speaker
//   (same known-speaker id, or the name equals the gold name or one of its aliases, ignoring
//   case and a leading article, or the surnames agree). Where the gold names the speaker by
//   its mention in the text (the German news corpus, lib/extract/corpus.ts), the predicted
//   speaker is right when its mention overlaps a gold speaker mention, or when its name equals
//   the gold mention's words by the same name rule (pronouns excepted: "er" matches only
//   itself, by position); no gold speaker is right only when none is predicted;
// - claim recall: a gold claim is found when one predicted claim covers at least half of it.

import { normalizeName } from "./mentions";
import type { ExtractionResult, QuoteCandidate, SpeakerMention } from "./types";

export interface GoldSpeaker {
  id: string;
  name: string;
  aliases?: string[];
}

export interface GoldQuote {
  id?: string;
  kind: "direct" | "indirect";
  text?: string;
  span: [number, number];
  speaker: string | null;
  reportedBy?: string | null;
  /** The speaker as mentions in the text, when the gold has no speaker ids (the corpus). */
  speakerSpans?: [number, number][];
  /** The gold's own finer type (the corpus: Direct, Indirect, FreeIndirect, …), for the confusion summary. */
  type?: string;
}

export interface GoldClaim {
  id?: string;
  text?: string;
  span: [number, number];
  quantity?: { value: number; unit?: string | null } | null;
}

export interface GoldDoc {
  document?: string;
  language?: "de" | "en";
  speakers: GoldSpeaker[];
  quotes: GoldQuote[];
  claims: GoldClaim[];
}

export interface KindCounts {
  gold: number;
  predicted: number;
  exact: number;
  overlap: number;
  speakerTotal: number;
  speakerCorrect: number;
}

export interface Failure {
  document: string;
  what: "missed" | "spurious" | "speaker" | "claim-missed";
  kind?: "direct" | "indirect";
  text: string;
  start: number;
  end: number;
  detail?: string;
}

/** What became of one gold quote (for the confusion summary). */
export interface GoldOutcome {
  type: string;
  kind: "direct" | "indirect";
  span: [number, number];
  /** Matched by a prediction of the same kind. */
  found: boolean;
  speakerOk: boolean;
}

export interface DocScore {
  document: string;
  direct: KindCounts;
  indirect: KindCounts;
  outcomes: GoldOutcome[];
  claimsGold: number;
  claimsFound: number;
  quantitiesGold: number;
  quantitiesRight: number;
  failures: Failure[];
}

export interface Metrics {
  precision: number;
  recall: number;
  f1: number;
}

export interface KindSummary {
  counts: KindCounts;
  exact: Metrics;
  overlap: Metrics;
  speakerAccuracy: number;
}

export interface SetSummary {
  documents: number;
  direct: KindSummary;
  indirect: KindSummary;
  combined: KindSummary;
  claimRecall: number;
  claimsGold: number;
  claimsFound: number;
  quantityAccuracy: number;
}

const emptyCounts = (): KindCounts => ({ gold: 0, predicted: 0, exact: 0, overlap: 0, speakerTotal: 0, speakerCorrect: 0 });

function overlapRatio(a: [number, number], b: [number, number]): number {
  const inter = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  if (inter <= 0) return 0;
  return inter / Math.min(a[1] - a[0], b[1] - b[0]);
}

function iou(a: [number, number], b: [number, number]): number {
  const inter = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  if (inter <= 0) return 0;
  return inter / (Math.max(a[1], b[1]) - Math.min(a[0], b[0]));
}

function lastWord(s: string): string {
  const parts = s.split(/[\s-]+/);
  return parts[parts.length - 1] ?? s;
}

const PRONOUNS = new Set(["er", "sie", "es", "ihr", "wir", "ich", "man", "he", "she", "it", "they", "we", "i", "you"]);

/** The speaker rule for gold that names the speaker by its mentions (see the header). */
export function mentionMatches(pred: SpeakerMention | null, spans: [number, number][], text: string): boolean {
  if (spans.length === 0) return pred === null;
  if (!pred) return false;
  if (spans.some(([s, e]) => Math.min(e, pred.end) > Math.max(s, pred.start))) return true;
  const p = normalizeName(pred.name);
  return spans.some(([s, e]) => {
    const g = normalizeName(text.slice(s, e));
    if (!g || PRONOUNS.has(g)) return false;
    return g === p || (lastWord(g) === lastWord(p) && (g.includes(" ") || p.includes(" ")));
  });
}

export function speakerMatches(pred: SpeakerMention | null, goldId: string | null | undefined, speakers: GoldSpeaker[]): boolean {
  if (!goldId) return pred === null;
  if (!pred) return false;
  if (pred.speakerId) return pred.speakerId === goldId;
  const sp = speakers.find((s) => s.id === goldId);
  if (!sp) return false;
  const names = [sp.name, ...(sp.aliases ?? [])].map(normalizeName).filter(Boolean);
  const p = normalizeName(pred.name);
  if (names.includes(p)) return true;
  const pl = lastWord(p);
  return names.some((n) => lastWord(n) === pl && (n.includes(" ") || p.includes(" ")));
}

function goldName(goldId: string | null | undefined, speakers: GoldSpeaker[]): string {
  if (!goldId) return "(none)";
  return speakers.find((s) => s.id === goldId)?.name ?? goldId;
}

function goldSpeakerLabel(gq: GoldQuote, speakers: GoldSpeaker[], text: string): string {
  if (gq.speakerSpans) return gq.speakerSpans.length ? gq.speakerSpans.map(([s, e]) => `"${text.slice(s, e)}"`).join(" + ") : "(none)";
  return goldName(gq.speaker, speakers);
}

function goldSpeakerOk(pred: SpeakerMention | null, gq: GoldQuote, speakers: GoldSpeaker[], text: string): boolean {
  return gq.speakerSpans ? mentionMatches(pred, gq.speakerSpans, text) : speakerMatches(pred, gq.speaker, speakers);
}

/**
 * One-to-one matching by overlap: pairs whose shared characters cover at least half of the
 * shorter span, best intersection-over-union first. Returns gold index → prediction index.
 */
export function matchSpans(gold: [number, number][], pred: [number, number][]): Map<number, number> {
  const pairs: { gi: number; pi: number; score: number }[] = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      if (overlapRatio(g, p) >= 0.5) pairs.push({ gi, pi, score: iou(g, p) });
    }),
  );
  pairs.sort((a, b) => b.score - a.score || a.gi - b.gi || a.pi - b.pi);
  const out = new Map<number, number>();
  const pUsed = new Set<number>();
  for (const pr of pairs) {
    if (out.has(pr.gi) || pUsed.has(pr.pi)) continue;
    out.set(pr.gi, pr.pi);
    pUsed.add(pr.pi);
  }
  return out;
}

export function scoreDocument(document: string, text: string, gold: GoldDoc, result: ExtractionResult): DocScore {
  const score: DocScore = {
    document,
    direct: emptyCounts(),
    indirect: emptyCounts(),
    outcomes: [],
    claimsGold: gold.claims.length,
    claimsFound: 0,
    quantitiesGold: 0,
    quantitiesRight: 0,
    failures: [],
  };
  const snip = (s: number, e: number) => {
    const t = text.slice(s, e).replace(/\s+/g, " ");
    return t.length > 90 ? t.slice(0, 87) + "..." : t;
  };
  for (const kind of ["direct", "indirect"] as const) {
    const counts = score[kind];
    const g = gold.quotes.filter((q) => q.kind === kind);
    const p = result.quotes.filter((q) => q.kind === kind);
    counts.gold = g.length;
    counts.predicted = p.length;
    const exactUsed = new Set<number>();
    for (const gq of g) {
      const k = p.findIndex((pq, i) => !exactUsed.has(i) && pq.start === gq.span[0] && pq.end === gq.span[1]);
      if (k >= 0) {
        exactUsed.add(k);
        counts.exact++;
      }
    }
    const matched = matchSpans(g.map((gq) => gq.span), p.map((pq) => [pq.start, pq.end]));
    const gUsed = new Map<number, QuoteCandidate>();
    const pUsed = new Set<number>();
    for (const [gi, pi] of matched) {
      gUsed.set(gi, p[pi]!);
      pUsed.add(pi);
    }
    counts.overlap = gUsed.size;
    g.forEach((gq, gi) => {
      const pq = gUsed.get(gi);
      const type = gq.type ? `${gq.type}, ` : "";
      if (!pq) {
        score.failures.push({ document, what: "missed", kind, text: snip(gq.span[0], gq.span[1]), start: gq.span[0], end: gq.span[1], detail: `${type}speaker ${goldSpeakerLabel(gq, gold.speakers, text)}` });
        score.outcomes.push({ type: gq.type ?? kind, kind, span: gq.span, found: false, speakerOk: false });
        return;
      }
      counts.speakerTotal++;
      const ok = goldSpeakerOk(pq.speaker, gq, gold.speakers, text);
      score.outcomes.push({ type: gq.type ?? kind, kind, span: gq.span, found: true, speakerOk: ok });
      if (ok) counts.speakerCorrect++;
      else {
        score.failures.push({
          document, what: "speaker", kind, text: snip(gq.span[0], gq.span[1]), start: gq.span[0], end: gq.span[1],
          detail: `${type}gold ${goldSpeakerLabel(gq, gold.speakers, text)}, got ${pq.speaker ? `${pq.speaker.name} ("${text.slice(pq.speaker.start, pq.speaker.end)}")` : "(none)"}`,
        });
      }
    });
    p.forEach((pq, pi) => {
      if (!pUsed.has(pi)) score.failures.push({ document, what: "spurious", kind, text: snip(pq.start, pq.end), start: pq.start, end: pq.end, detail: pq.speaker?.name });
    });
  }
  for (const gc of gold.claims) {
    const len = gc.span[1] - gc.span[0];
    const hit = result.claims.find((c) => Math.min(c.end, gc.span[1]) - Math.max(c.start, gc.span[0]) >= len / 2);
    if (hit) {
      score.claimsFound++;
      if (gc.quantity && typeof gc.quantity.value === "number") {
        score.quantitiesGold++;
        if (hit.quantity && Math.abs(hit.quantity.value - gc.quantity.value) < 1e-9) score.quantitiesRight++;
      }
    } else {
      score.failures.push({ document, what: "claim-missed", text: snip(gc.span[0], gc.span[1]), start: gc.span[0], end: gc.span[1] });
    }
  }
  return score;
}

function metrics(c: KindCounts, tp: number): Metrics {
  const precision = c.predicted === 0 ? (c.gold === 0 ? 1 : 0) : tp / c.predicted;
  const recall = c.gold === 0 ? 1 : tp / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function summarizeKind(c: KindCounts): KindSummary {
  return {
    counts: c,
    exact: metrics(c, c.exact),
    overlap: metrics(c, c.overlap),
    speakerAccuracy: c.speakerTotal === 0 ? 1 : c.speakerCorrect / c.speakerTotal,
  };
}

export function summarize(scores: DocScore[]): SetSummary {
  const direct = emptyCounts();
  const indirect = emptyCounts();
  let claimsGold = 0;
  let claimsFound = 0;
  let qGold = 0;
  let qRight = 0;
  for (const s of scores) {
    for (const [into, from] of [[direct, s.direct], [indirect, s.indirect]] as const) {
      for (const key of Object.keys(into) as (keyof KindCounts)[]) into[key] += from[key];
    }
    claimsGold += s.claimsGold;
    claimsFound += s.claimsFound;
    qGold += s.quantitiesGold;
    qRight += s.quantitiesRight;
  }
  const combined = emptyCounts();
  for (const key of Object.keys(combined) as (keyof KindCounts)[]) combined[key] = direct[key] + indirect[key];
  return {
    documents: scores.length,
    direct: summarizeKind(direct),
    indirect: summarizeKind(indirect),
    combined: summarizeKind(combined),
    claimRecall: claimsGold === 0 ? 1 : claimsFound / claimsGold,
    claimsGold,
    claimsFound,
    quantityAccuracy: qGold === 0 ? 1 : qRight / qGold,
  };
}

export interface ConfusionRow {
  gold: number;
  /** Found as the same kind (direct ↔ Direct, indirect ↔ the indirect types). */
  found: number;
  /** Not found as its kind, but a prediction of the other kind covers it. */
  asOther: number;
  missed: number;
  /** Of the found ones, with the right speaker. */
  speakerCorrect: number;
}

export interface Confusion {
  /** By gold type (the corpus's types, or "direct"/"indirect" for the repository's sets). */
  rows: Map<string, ConfusionRow>;
  /** Gold speech acts without content (the corpus's Reported): how many a leftover prediction covers. */
  reported: { gold: number; byDirect: number; byIndirect: number };
  /** Predictions that match no gold item of their kind: on a gold item of the other kind, on a Reported item, or on nothing. */
  spurious: Record<"direct" | "indirect", { total: number; onOtherKind: number; onReported: number }>;
}

/**
 * Where the gold items went and where the predictions came from, per gold type: found as the
 * same kind, found as the other kind, or missed; and which unmatched predictions sit on a gold
 * item of the other kind or on a Reported speech act. Uses the same overlap rule as the scores.
 */
export function confusion(docs: { score: DocScore; reported?: GoldQuote[] }[]): Confusion {
  const rows = new Map<string, ConfusionRow>();
  const reported = { gold: 0, byDirect: 0, byIndirect: 0 };
  const spurious = { direct: { total: 0, onOtherKind: 0, onReported: 0 }, indirect: { total: 0, onOtherKind: 0, onReported: 0 } };
  const row = (type: string) => {
    let r = rows.get(type);
    if (!r) rows.set(type, (r = { gold: 0, found: 0, asOther: 0, missed: 0, speakerCorrect: 0 }));
    return r;
  };
  for (const { score, reported: rep = [] } of docs) {
    const missed = score.outcomes.filter((o) => !o.found);
    for (const o of score.outcomes) {
      const r = row(o.type);
      r.gold++;
      if (o.found) {
        r.found++;
        if (o.speakerOk) r.speakerCorrect++;
      }
    }
    const extra = score.failures.filter((f) => f.what === "spurious" && f.kind) as (Failure & { kind: "direct" | "indirect" })[];
    for (const f of extra) spurious[f.kind].total++;
    // A missed item and a leftover prediction of the other kind.
    const cross = matchSpans(missed.map((o) => o.span), extra.map((f) => [f.start, f.end]));
    const usedPred = new Set<number>();
    const usedGold = new Set<number>();
    for (const [gi, pi] of cross) {
      // Same kind here means the overlap rule already turned the pair down: not a confusion.
      if (missed[gi]!.kind === extra[pi]!.kind) continue;
      row(missed[gi]!.type).asOther++;
      spurious[extra[pi]!.kind].onOtherKind++;
      usedPred.add(pi);
      usedGold.add(gi);
    }
    missed.forEach((o, gi) => {
      if (!usedGold.has(gi)) row(o.type).missed++;
    });
    // Leftover predictions on a Reported speech act.
    reported.gold += rep.length;
    const left = extra.filter((_, i) => !usedPred.has(i));
    for (const [, pi] of matchSpans(rep.map((r) => r.span), left.map((f) => [f.start, f.end]))) {
      const kind = left[pi]!.kind;
      spurious[kind].onReported++;
      if (kind === "direct") reported.byDirect++;
      else reported.byIndirect++;
    }
  }
  return { rows, reported, spurious };
}

export interface Target {
  label: string;
  value: (s: SetSummary) => number;
  min: number;
}

/**
 * The targets of the issues (10 and 12). The seed is small, so its targets are strict; the
 * repository's dev set has floors at the figures it had when the German corpus was added (issue
 * 12: it must not get worse while the extractor is tuned on real news); the German news corpus
 * has the targets of issue 12, checked on its dev split (train is for tuning).
 */
export type TargetSet = "seed" | "dev" | "wikinews";
export const TARGETS: Record<TargetSet, Target[]> = {
  seed: [
    { label: "direct quote F1 (overlap)", value: (s) => s.direct.overlap.f1, min: 1 },
    { label: "speaker accuracy (all found quotes)", value: (s) => s.combined.speakerAccuracy, min: 0.9 },
    { label: "claim recall", value: (s) => s.claimRecall, min: 0.75 },
  ],
  dev: [
    { label: "direct quote F1 (overlap)", value: (s) => s.direct.overlap.f1, min: 0.96 },
    { label: "indirect speech F1 (overlap)", value: (s) => s.indirect.overlap.f1, min: 0.86 },
    { label: "speaker accuracy (all found quotes)", value: (s) => s.combined.speakerAccuracy, min: 0.83 },
  ],
  wikinews: [
    { label: "direct quote F1 (overlap)", value: (s) => s.direct.overlap.f1, min: 0.9 },
    { label: "indirect speech F1 (overlap)", value: (s) => s.indirect.overlap.f1, min: 0.75 },
    { label: "speaker accuracy (all found quotes)", value: (s) => s.combined.speakerAccuracy, min: 0.8 },
  ],
};

export function checkTargets(set: TargetSet, s: SetSummary): { label: string; value: number; min: number; ok: boolean }[] {
  return TARGETS[set].map((t) => {
    const value = t.value(s);
    return { label: t.label, value, min: t.min, ok: value >= t.min };
  });
}

// What an article's candidates are, as pure functions (no database): the fingerprint that
// tells a proposal seen before, the cleaning of the extractor's proposals against the text, the
// text cut into segments for highlighting, the title of a source made from an untitled article.
import { createHash } from "node:crypto";
import type { ArticleStatus, CandidateKind, SpeechKind } from "../../generated/prisma/client";
import { contentText } from "../../content-text";
import type { ExtractionResult } from "../../extract";
import { isLocale, NEWSROOM_LANGUAGE } from "../../i18n";
import { formatDay, msg } from "../../messages";

// ── States (their names are in the catalogue, desk.articles.status.*) ───────────────────────

export const ARTICLE_STATUSES = ["new", "extracted", "reviewed", "archived"] as const satisfies readonly ArticleStatus[];

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────

/** A text on one line, cut after `max` characters. */
export const short = (s: string, max = 80) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

/** A name as compared: NFC, lower-cased, whitespace collapsed. */
export const norm = (s: string) => s.normalize("NFC").toLocaleLowerCase("de").replace(/\s+/g, " ").trim();

/**
 * The fingerprint of a proposal: its kind and its words, lower-cased, without punctuation and
 * with collapsed whitespace (so a re-run that finds the same words with slightly different
 * quotation marks or spacing is the same proposal).
 */
export function candidateFingerprint(kind: CandidateKind, text: string, start: number, end: number): string {
  const words = text
    .normalize("NFC")
    .toLocaleLowerCase("de")
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return createHash("sha256")
    .update(`${kind}|${words || `@${start}-${end}`}`, "utf8")
    .digest("hex")
    .slice(0, 40);
}

/** A decimal for the DECIMAL(20, 6) column, or null when the number does not fit. */
function decimal(value: number | null | undefined): string | null {
  if (value === null || value === undefined || !Number.isFinite(value) || Math.abs(value) >= 1e14) return null;
  return value.toFixed(6).replace(/\.?0+$/, "");
}


// ── The extractor's proposals ─────────────────────────────────────────────────────────────

export interface CleanCandidate {
  kind: CandidateKind;
  speechKind: SpeechKind | null;
  start: number;
  end: number;
  text: string;
  speakerName: string | null;
  speakerStart: number | null;
  speakerEnd: number | null;
  speakerId: string | null;
  reportedByName: string | null;
  reportedByStart: number | null;
  reportedByEnd: number | null;
  reportedById: string | null;
  quantityValue: string | null;
  quantityUnit: string | null;
  fingerprint: string;
}

const validSpan = (s: { start: unknown; end: unknown }, length: number) =>
  Number.isInteger(s.start) && Number.isInteger(s.end) && (s.start as number) >= 0 && (s.start as number) < (s.end as number) && (s.end as number) <= length;

/** The span without whitespace at its edges, or null when nothing else is in it. */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : null;
}

/** The extractor's proposals, checked against the text: bad offsets and unknown ids are dropped. */
export function clean(text: string, result: ExtractionResult, speakerIds: Set<string>): { items: CleanCandidate[]; invalid: number } {
  const items: CleanCandidate[] = [];
  let invalid = 0;
  const mention = (m: { start: number; end: number; name: string; speakerId?: string | null } | null) => {
    if (!m || typeof m.name !== "string" || !m.name.trim()) return { name: null, start: null, end: null, id: null };
    const ok = validSpan(m, text.length);
    return {
      name: short(m.name, 200),
      start: ok ? m.start : null,
      end: ok ? m.end : null,
      id: m.speakerId && speakerIds.has(m.speakerId) ? m.speakerId : null,
    };
  };
  for (const q of Array.isArray(result.quotes) ? result.quotes : []) {
    if (!validSpan(q, text.length) || (q.kind !== "direct" && q.kind !== "indirect")) {
      invalid++;
      continue;
    }
    const span = trimSpan(text, q.start, q.end);
    if (!span) {
      invalid++;
      continue;
    }
    const words = text.slice(span.start, span.end);
    const s = mention(q.speaker);
    const r = mention(q.reportedBy);
    items.push({
      kind: "quote",
      speechKind: q.kind,
      ...span,
      // Offsets are the truth: the text is what stands there.
      text: words,
      speakerName: s.name,
      speakerStart: s.start,
      speakerEnd: s.end,
      speakerId: s.id,
      reportedByName: r.name,
      reportedByStart: r.start,
      reportedByEnd: r.end,
      reportedById: r.id,
      quantityValue: null,
      quantityUnit: null,
      fingerprint: candidateFingerprint("quote", words, span.start, span.end),
    });
  }
  for (const c of Array.isArray(result.claims) ? result.claims : []) {
    if (!validSpan(c, text.length)) {
      invalid++;
      continue;
    }
    const span = trimSpan(text, c.start, c.end);
    if (!span) {
      invalid++;
      continue;
    }
    const words = (typeof c.text === "string" && c.text.trim() ? c.text : text.slice(span.start, span.end)).trim();
    const value = c.quantity ? decimal(c.quantity.value) : null;
    items.push({
      kind: "claim",
      speechKind: null,
      ...span,
      text: words,
      speakerName: null,
      speakerStart: null,
      speakerEnd: null,
      speakerId: null,
      reportedByName: null,
      reportedByStart: null,
      reportedByEnd: null,
      reportedById: null,
      quantityValue: value,
      quantityUnit: value !== null && c.quantity?.unit ? short(c.quantity.unit, 50) : null,
      fingerprint: candidateFingerprint("claim", words, span.start, span.end),
    });
  }
  return { items: mergeCitedQuotes(items), invalid };
}

/**
 * One candidate per cited quote. The extractor proposes "Ein Sender zitierte X mit den Worten
 * „…“" twice on the same span, once with X as speaker and the sender as reportedBy, once with
 * the sender as speaker (lib/extract/attribution.ts, as the German news corpus annotates it);
 * the editor gets it once: the candidate whose reportedBy is the other's speaker is kept (the
 * person speaks, the outlet reports), the other is dropped. Order-independent, linear.
 */
export function mergeCitedQuotes(items: CleanCandidate[]): CleanCandidate[] {
  const bySpan = new Map<string, CleanCandidate[]>();
  for (const c of items) {
    if (c.kind !== "quote") continue;
    const key = `${c.speechKind}:${c.start}:${c.end}`;
    const group = bySpan.get(key);
    if (group) group.push(c);
    else bySpan.set(key, [c]);
  }
  const dropped = new Set<CleanCandidate>();
  const replaced = new Map<CleanCandidate, CleanCandidate>();
  for (const group of bySpan.values()) {
    if (group.length < 2) continue;
    for (const person of group) {
      if (person.reportedByName === null || dropped.has(person)) continue;
      const outlet = group.find((o) => o !== person && !dropped.has(o) && reporterIsSpeaker(person, o));
      if (!outlet) continue;
      dropped.add(outlet);
      // The outlet's known-speaker id, when only its own candidate had it.
      if (!person.reportedById && outlet.speakerId) replaced.set(person, { ...person, reportedById: outlet.speakerId });
    }
  }
  return items.filter((c) => !dropped.has(c)).map((c) => replaced.get(c) ?? c);
}

/** The reporter of `person` is the speaker of `outlet`: the same mention (same offsets), or the same name where offsets are missing. */
function reporterIsSpeaker(person: CleanCandidate, outlet: CleanCandidate): boolean {
  if (person.reportedByName === null || outlet.speakerName === null) return false;
  if (person.reportedByStart !== null && outlet.speakerStart !== null) {
    return person.reportedByStart === outlet.speakerStart && person.reportedByEnd === outlet.speakerEnd;
  }
  return norm(person.reportedByName) === norm(outlet.speakerName);
}

// ── Highlighting ────────────────────────────────────────────────────────────────────────────

export interface TextSegment {
  text: string;
  /** The candidates covering this segment, innermost (latest start, shortest) first. */
  candidateIds: string[];
}

/**
 * The text cut at every start and end of the given spans, each piece with the spans that cover
 * it: for highlighting overlapping and nested candidates. O((n + k) log k) for k spans.
 */
export function segmentText(text: string, spans: readonly { id: string; start: number; end: number }[]): TextSegment[] {
  const valid = spans.filter((s) => s.start >= 0 && s.start < s.end && s.end <= text.length);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const starting = new Map<number, typeof valid>();
  for (const s of valid) starting.set(s.start, [...(starting.get(s.start) ?? []), s]);
  const active: typeof valid = [];
  const segments: TextSegment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    for (let j = active.length - 1; j >= 0; j--) if (active[j]!.end <= from) active.splice(j, 1);
    active.push(...(starting.get(from) ?? []));
    const covering = [...active].sort((a, b) => b.start - a.start || a.end - b.end).map((s) => s.id);
    segments.push({ text: text.slice(from, to), candidateIds: covering });
  }
  return segments;
}

/** The title of the source made from an article without one: "Article ingested on 3 Dec 2026",
 * in the article's language (it is the source's content, lib/content-text.ts). */
export function ingestedTitle(article: { language: string | null; createdAt: Date }): string {
  const locale = isLocale(article.language) ? article.language : NEWSROOM_LANGUAGE;
  return contentText(locale, msg("msg.article.ingestedTitle", { date: formatDay(article.createdAt, locale) }));
}

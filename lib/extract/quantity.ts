// Numbers with their units: "95 Prozent" → 95 percent, "3,5 Millionen Euro" → 3500000 EUR,
// "$2.4 billion" → 2400000000 USD, "1.200 Menschen" → 1200 people, "12 percent" → 12 percent.
//
// The separators depend on the language: German writes 1.200,5 and English 1,200.5. A lone
// separator followed by exactly three digits is a thousands separator in the language's own
// convention ("1.200" in German, "1,200" in English), otherwise a decimal point.

import { CAP_STOP, CURRENCY_SYMBOLS, MONTHS, NUMBER_WORDS, SCALES, UNITS } from "./lexicon";
import { TK, tokenize, type Token } from "./text";
import type { Quantity } from "./types";

export function parseNumber(raw: string, lang: "de" | "en"): number | null {
  const s = raw.trim();
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const dec = lang === "de" ? "," : ".";
  const thou = lang === "de" ? "." : ",";
  const hasDot = s.includes(".");
  const hasComma = s.includes(",");
  let normalized: string;
  if (hasDot && hasComma) {
    // Both: the last one is the decimal mark, whatever the language.
    const lastDot = s.lastIndexOf(".");
    const lastComma = s.lastIndexOf(",");
    const decimal = lastDot > lastComma ? "." : ",";
    const group = decimal === "." ? "," : ".";
    normalized = s.split(group).join("").replace(decimal, ".");
  } else if (hasDot || hasComma) {
    const sep = hasDot ? "." : ",";
    const parts = s.split(sep);
    const grouped = parts.length > 1 && parts.slice(1).every((p) => p.length === 3) && parts[0]!.length <= 3;
    if (sep === thou && grouped) normalized = parts.join("");
    else if (sep === dec && parts.length === 2) normalized = parts.join(".");
    else if (grouped && parts.length > 2) normalized = parts.join("");
    else if (parts.length === 2) normalized = parts.join(".");
    else return null;
  } else normalized = s;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}

function scaled(value: number, exp: number): number {
  // "2.4e9" is exact where 2.4 * 1e9 is not.
  const n = Number(`${value}e${exp}`);
  return Number.isFinite(n) ? n : value * 10 ** exp;
}

export interface QuantityMatch extends Quantity {
  start: number;
  end: number;
  /** Higher is more specific: percentages and money over counts over bare numbers and years. */
  rank: number;
}

const PRE_NUMBER = new Set(["nr", "no", "nummer", "number", "resolution"]);

/** All quantities among tokens [a, b). */
export function findQuantities(tokens: Token[], a: number, b: number, lang: "de" | "en"): QuantityMatch[] {
  const out: QuantityMatch[] = [];
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    let value: number | null = null;
    let first = i;
    if (t.kind === TK.Num) value = parseNumber(t.text, lang);
    else if (t.kind === TK.Word && NUMBER_WORDS.has(t.low) && !t.cap) value = NUMBER_WORDS.get(t.low)!;
    if (value === null) continue;
    let unit: string | null = null;
    let rank = 1;
    // Currency symbol in front: "$2.4 billion", "€ 300".
    const prev = tokens[i - 1];
    if (prev && prev.kind === TK.Punct && CURRENCY_SYMBOLS.has(prev.text)) {
      unit = CURRENCY_SYMBOLS.get(prev.text)!;
      first = i - 1;
      rank = 4;
    }
    let j = i + 1;
    // Scale word: "3,5 Millionen", "2.4 billion", "5 Mio."
    const sc = tokens[j] && SCALES.get(tokens[j]!.low);
    if (sc && j < b + 2) {
      value = scaled(value, lang === "de" ? sc.de : sc.en);
      j++;
      if (tokens[j]?.text === "." && ["mio", "mrd", "tsd"].includes(tokens[j - 1]!.low)) j++;
      rank = Math.max(rank, 2);
    }
    const next = tokens[j];
    if (!unit && next) {
      const u = UNITS.get(next.low) ?? (next.kind === TK.Punct ? UNITS.get(next.text) : undefined);
      if (u) {
        unit = u;
        rank = u === "percent" || u === "percentage points" ? 5 : /^[A-Z]{3}$/.test(u) ? 4 : 3;
        j++;
      } else if (next.low === "per" && tokens[j + 1]?.low === "cent") {
        unit = "percent";
        rank = 5;
        j += 2;
      }
    }
    if (!unit && prev && ((prev.kind === TK.Word && PRE_NUMBER.has(prev.low)) || (prev.text === "." && tokens[i - 2] && PRE_NUMBER.has(tokens[i - 2]!.low)))) {
      unit = "number";
      rank = 2;
    }
    if (!unit && t.kind === TK.Num && /^(1[89]|20)\d\d$/.test(t.text) && rank < 2) {
      unit = "year";
      rank = 0;
    }
    if (!unit && next && next.kind === TK.Word && rank < 4) {
      // A counted noun read from the text: "40 Staaten", "300 villages".
      if (((lang === "de" && next.cap) || (lang === "en" && !next.cap && next.low.length > 2)) && !CAP_STOP.has(next.low) && !MONTHS.has(next.low)) {
        unit = next.low;
        rank = Math.max(rank, 2);
        j++;
      }
    }
    out.push({ value, unit, start: tokens[first]!.start, end: tokens[j - 1]!.end, rank });
    i = j - 1;
  }
  return out;
}

export function bestQuantity(found: QuantityMatch[]): Quantity | null {
  let best: QuantityMatch | null = null;
  for (const q of found) if (!best || q.rank > best.rank) best = q;
  return best ? { value: best.value, unit: best.unit } : null;
}

/** Parse a quantity from a short phrase ("95 Prozent", "$2.4 billion"). */
export function parseQuantity(text: string, lang: "de" | "en"): Quantity | null {
  const tokens = tokenize(text);
  return bestQuantity(findQuantities(tokens, 0, tokens.length, lang));
}

// A stored value of a claim (or of its evidence) as text for the history page, in the desk's
// language: names for ids (lib/editorial/claims/history.ts valueLabels), the states' and stances' names
// from the catalogue, moments in the newsroom's time zone.
import type { ValueLabels } from "@/lib/editorial/claims";
import { isClaimStatus } from "@/lib/editorial/status";
import type { Locale } from "@/lib/i18n";
import { formatDay, formatMoment } from "@/lib/messages";

export interface ValueWords {
  locale: Locale;
  /** desk.history.values.* */
  deleted: (id: string) => string;
  chars: (start: string, end: string) => string;
  frozen: string;
  status: (status: "draft" | "in_research" | "in_review" | "published" | "corrected" | "retracted") => string;
  stance: (stance: "supports" | "refutes" | "context") => string;
}

const STANCES = ["supports", "refutes", "context"] as const;
const isStance = (v: unknown): v is (typeof STANCES)[number] => typeof v === "string" && (STANCES as readonly string[]).includes(v);

/** A stored value as text for people ("" for nothing). */
export function displayValue(field: string, value: unknown, labels: ValueLabels, words: ValueWords): string {
  if (value === null || value === undefined || value === "") return "";
  const name = (map: Map<string, string>, v: unknown) => (typeof v === "string" ? (map.get(v) ?? words.deleted(v)) : String(v));
  switch (field) {
    case "claimantId":
      return name(labels.speakers, value);
    case "verdictId":
    case "publishedVerdictId":
      return name(labels.verdicts, value);
    case "verdictAuthorId":
    case "assigneeId":
    case "createdById":
      return name(labels.users, value);
    case "sourceId":
      return name(labels.sources, value);
    case "status":
    case "publicState":
      return isClaimStatus(value) ? words.status(value) : String(value);
    case "stance":
      return isStance(value) ? words.stance(value) : String(value);
    case "topicIds":
      return Array.isArray(value) ? value.map((v) => name(labels.topics, v)).join("\n") : String(value);
    case "quoteIds":
      return Array.isArray(value) ? value.map((v) => name(labels.quotes, v)).join("\n") : String(value);
    case "passages":
      return Array.isArray(value)
        ? value
            .map((p) => {
              const { sourceId, start, end } = p as { sourceId?: unknown; start?: unknown; end?: unknown };
              return `${name(labels.sources, sourceId)}, ${words.chars(String(start), String(end))}`;
            })
            .join("\n")
        : String(value);
    case "claimDate":
      // A calendar day, written as the reader's language writes it.
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? formatDay(new Date(`${value.slice(0, 10)}T00:00:00Z`), words.locale, "calendar") : String(value);
    case "publicationId":
      // An id says nothing to people: that the approved version was frozen anew does.
      return words.frozen;
    case "publishedAt":
    case "publicUpdatedAt":
      return typeof value === "string" ? formatMoment(new Date(value), words.locale) : String(value);
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

// Display helpers of the audit page: record links and short values (the names of record
// kinds and actions are in the catalogues, desk.audit.*).
import type { Locale } from "@/lib/i18n";
import { formatMoment } from "@/lib/messages";
import type { EntityType } from "@/lib/revisions";

export const ENTITY_TYPES: readonly EntityType[] = [
  "Claim",
  "Speaker",
  "Source",
  "Quote",
  "Evidence",
  "Correction",
  "Article",
  "Topic",
  "VerdictLabel",
  "User",
];

// Records with an admin page of their own.
const ADMIN_PATHS: Partial<Record<EntityType, string>> = {
  Claim: "/admin/claims",
  Speaker: "/admin/speakers",
  Source: "/admin/sources",
  Quote: "/admin/quotes",
  User: "/admin/users",
  Topic: "/admin/topics",
  VerdictLabel: "/admin/verdicts",
};

export function recordHref(type: string, id: string): string | null {
  const base = ADMIN_PATHS[type as EntityType];
  return base ? `${base}/${encodeURIComponent(id)}` : null;
}

export const REVISION_ACTIONS = ["create", "update", "delete", "transition"] as const;

const MAX_VALUE = 80;

/** A before/after value as short text: "–" for nothing, moments in Berlin time, long text cut. */
export function shortValue(value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === "") return "–";
  let s: string;
  if (typeof value === "string") {
    s = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) ? formatMoment(new Date(value), locale) : value;
  } else if (typeof value === "object") s = JSON.stringify(value);
  else s = String(value);
  s = s.replace(/\s+/g, " ").trim();
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

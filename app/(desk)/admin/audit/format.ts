// Display helpers of the audit page: record links, German names, short values.
import type { EntityType } from "@/lib/revisions";
import { formatMoment } from "@/components/admin/Moment";

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
  "ExternalFactCheck",
];

export const ENTITY_NAMES: Record<EntityType, string> = {
  Claim: "Behauptung",
  Speaker: "Sprecher",
  Source: "Quelle",
  Quote: "Zitat",
  Evidence: "Beleg",
  Correction: "Korrektur",
  Article: "Artikel",
  Topic: "Thema",
  VerdictLabel: "Bewertungsstufe",
  User: "Konto",
  ExternalFactCheck: "Externer Faktencheck",
};

// Records with an admin page of their own.
const ADMIN_PATHS: Partial<Record<EntityType, string>> = {
  Claim: "/admin/claims",
  Speaker: "/admin/speakers",
  Source: "/admin/sources",
  Quote: "/admin/quotes",
  User: "/admin/users",
  Topic: "/admin/topics",
  VerdictLabel: "/admin/verdicts",
  ExternalFactCheck: "/admin/external-checks",
};

export function recordHref(type: string, id: string): string | null {
  const base = ADMIN_PATHS[type as EntityType];
  return base ? `${base}/${encodeURIComponent(id)}` : null;
}

export const REVISION_ACTIONS = ["create", "update", "delete", "transition"] as const;

export const REVISION_ACTION_NAMES: Record<string, string> = {
  create: "angelegt",
  update: "geändert",
  delete: "gelöscht",
  transition: "Arbeitsschritt",
};

const MAX_VALUE = 80;

/** A before/after value as short text: "–" for nothing, moments in Berlin time, long text cut. */
export function shortValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  let s: string;
  if (typeof value === "string") {
    s = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) ? formatMoment(new Date(value)) : value;
  } else if (typeof value === "object") s = JSON.stringify(value);
  else s = String(value);
  s = s.replace(/\s+/g, " ").trim();
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

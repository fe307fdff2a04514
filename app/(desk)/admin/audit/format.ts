// Display helpers of the audit page: record links, short values, and the entries in the
// reader's language (the names of record kinds, actions, states and reasons are in the
// catalogues: desk.audit.*, status.*, role.*).
import type { Locale } from "@/lib/i18n";
import { formatMoment, type Translate } from "@/lib/messages";
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
  "ExternalFactCheck",
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
  ExternalFactCheck: "/admin/external-checks",
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

// ── Entries in the reader's language ────────────────────────────────────────────────────────

/** Fields whose stored value is a code with a name in the catalogues: the prefix of its key. */
const VALUE_NAMES: Record<string, Record<string, { prefix: string; values: readonly string[] }>> = {
  Claim: {
    status: { prefix: "status", values: ["draft", "in_research", "in_review", "published", "corrected", "retracted"] },
    publicState: { prefix: "status", values: ["published", "corrected", "retracted"] },
  },
  Evidence: { stance: { prefix: "desk.stance", values: ["supports", "refutes", "context"] } },
  User: {
    role: { prefix: "role", values: ["admin", "editor", "reviewer", "contributor"] },
    locale: { prefix: "desk.account.languageName", values: ["de", "en"] },
  },
  Speaker: { kind: { prefix: "desk.speakerKind", values: ["person", "organization", "publication"] } },
  Source: {
    kind: { prefix: "desk.sourceKind", values: ["news_article", "transcript", "official_document", "statistic", "video", "social_media", "other"] },
  },
  Quote: { kind: { prefix: "desk.quotes.kindName", values: ["direct", "indirect"] } },
  Article: { status: { prefix: "desk.article.statusName", values: ["new", "extracted", "reviewed", "archived"] } },
  Correction: { kind: { prefix: "desk.claim", values: ["correction", "retraction"] } },
};

// A password is never in the log, only a mark that it changed (lib/editorial/users.ts
// PASSWORD_MARK, stored as written then).
const PASSWORD_MARKS: Record<string, "previous" | "changed" | "set"> = { "(bisher)": "previous", "(geändert)": "changed", "(gesetzt)": "set" };

export interface ShownValue {
  text: string;
  /** Whether the text is the record's own (content, in its own language) or the catalogue's. */
  content: boolean;
}

/** A before/after value of a revision as the reader sees it: codes (states, stances, roles,
 * kinds), yes/no and password marks in the reader's language; everything else as stored. */
export function revisionValue(entityType: string, field: string, value: unknown, t: Translate, locale: Locale): ShownValue {
  const named = VALUE_NAMES[entityType]?.[field];
  if (named && typeof value === "string" && named.values.includes(value)) return { text: t(`${named.prefix}.${value}`), content: false };
  if (field === "password" && typeof value === "string" && PASSWORD_MARKS[value]) return { text: t(`desk.audit.passwordMark.${PASSWORD_MARKS[value]}`), content: false };
  if (typeof value === "boolean") return { text: t(value ? "desk.audit.yes" : "desk.audit.no"), content: false };
  return { text: shortValue(value, locale), content: true };
}

const REASONS = ["invalid_input", "unknown_user", "inactive", "wrong_password", "invalid", "used", "expired", "expired_second_step", "wrong_second_factor"];
const ROLES = ["admin", "editor", "reviewer", "contributor"];
const ATTEMPTS = ["password", "reset_code", "totp"];

/** The details of a security event (AuditEvent.details) as one line in the reader's language;
 * what has no words of its own is shown as stored. */
export function describeDetails(details: unknown, t: Translate, locale: Locale): string {
  if (!details || typeof details !== "object" || Array.isArray(details)) return "–";
  const d = details as Record<string, unknown>;
  const role = (r: unknown) => (typeof r === "string" && ROLES.includes(r) ? t(`role.${r}`) : String(r));
  const parts: string[] = [];
  const known = new Set<string>();
  const take = (...keys: string[]) => keys.forEach((k) => known.add(k));
  if (typeof d.from === "string" && typeof d.to === "string") {
    parts.push(t("desk.audit.detail.roleChange", { from: role(d.from), to: role(d.to) }));
    take("from", "to");
  }
  if (typeof d.reason === "string") {
    parts.push(t("desk.audit.detail.reason", { reason: REASONS.includes(d.reason) ? t(`desk.audit.reason.${d.reason}`) : d.reason }));
    take("reason");
  }
  if (typeof d.step === "string") {
    parts.push(t("desk.audit.detail.step", { step: d.step === "signin" ? "signin" : "account" }));
    take("step");
  }
  if (typeof d.role === "string" && d.from === undefined) {
    parts.push(t("desk.audit.detail.role", { role: role(d.role) }));
    take("role");
  }
  if (typeof d.secondFactor === "string") {
    parts.push(t("desk.audit.detail.secondFactor", { kind: d.secondFactor }));
    take("secondFactor");
  }
  if (typeof d.recoveryCodesLeft === "number") {
    parts.push(t("desk.audit.detail.recoveryCodesLeft", { count: d.recoveryCodesLeft }));
    take("recoveryCodesLeft");
  }
  if (typeof d.required === "boolean") {
    parts.push(t("desk.audit.detail.twoFactorRequired", { required: String(d.required) }));
    take("required");
  }
  if (typeof d.retryAt === "string") {
    const by = d.by === "ip" ? "ip" : d.by === "email" ? "email" : "both";
    if (typeof d.kind === "string" && ATTEMPTS.includes(d.kind)) parts.push(t("desk.audit.detail.attempts", { kind: d.kind }));
    parts.push(t("desk.audit.detail.blockedUntil", { until: shortValue(d.retryAt, locale), by }));
    take("retryAt", "by", "kind");
  }
  if (typeof d.expiresAt === "string") {
    parts.push(t("desk.audit.detail.validUntil", { until: shortValue(d.expiresAt, locale) }));
    take("expiresAt");
  }
  if (typeof d.sessionsEnded === "number") {
    parts.push(t("desk.audit.detail.sessionsEnded", { count: d.sessionsEnded }));
    take("sessionsEnded");
  }
  if (typeof d.byName === "string") {
    parts.push(t("desk.audit.detail.by", { name: d.byName }));
    take("byName", "by");
  }
  // What the app does not write (an older entry, a new key): shown as stored rather than lost.
  const rest = Object.fromEntries(Object.entries(d).filter(([k]) => !known.has(k)));
  if (Object.keys(rest).length) parts.push(shortValue(rest, locale));
  return parts.length ? parts.join("; ") : "–";
}

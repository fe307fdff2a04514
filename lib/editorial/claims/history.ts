// A claim's history: every revision of the claim and of its evidence, every earlier version of
// the claim rebuilt from its revisions, and the names of the ids in stored values (the history
// page turns values into words, app/(desk)/admin/claims/[id]/history/values.ts).
import type { Prisma } from "../../generated/prisma/client";
import { db, type Db } from "../../db/client";
import type { Locale } from "../../i18n";
import { shorten } from "./queries";
import { CLAIM_FIELDS } from "./rules";

// ---------------------------------------------------------------------------------------
// Revisions and versions

export interface HistoryEntry {
  id: string;
  entityType: "Claim" | "Evidence";
  entityId: string;
  action: "create" | "update" | "delete" | "transition";
  version: number | null;
  at: Date;
  by: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
}

function toEntry(r: {
  id: bigint;
  entityType: string;
  entityId: string;
  action: HistoryEntry["action"];
  version: number | null;
  createdAt: Date;
  user: { name: string } | null;
  changes: unknown;
}): HistoryEntry {
  return {
    id: r.id.toString(),
    entityType: r.entityType as HistoryEntry["entityType"],
    entityId: r.entityId,
    action: r.action,
    version: r.version,
    at: r.createdAt,
    by: r.user?.name ?? null,
    changes: (r.changes ?? {}) as HistoryEntry["changes"],
  };
}

const revisionSelect = {
  id: true,
  entityType: true,
  entityId: true,
  action: true,
  version: true,
  createdAt: true,
  changes: true,
  user: { select: { name: true } },
} satisfies Prisma.RevisionSelect;

/**
 * Every revision of the claim and of its evidence (including evidence deleted since), oldest
 * first. Evidence is found by its create revision naming the claim.
 */
export async function claimHistory(claimId: string, client: Db = db): Promise<HistoryEntry[]> {
  const [current, created] = await Promise.all([
    client.evidence.findMany({ where: { claimId }, select: { id: true } }),
    client.revision.findMany({
      where: { entityType: "Evidence", changes: { path: ["claimId", "after"], equals: claimId } },
      select: { entityId: true },
    }),
  ]);
  const evidenceIds = [...new Set([...current.map((e) => e.id), ...created.map((r) => r.entityId)])];
  const rows = await client.revision.findMany({
    where: {
      OR: [
        { entityType: "Claim", entityId: claimId },
        ...(evidenceIds.length ? [{ entityType: "Evidence", entityId: { in: evidenceIds } }] : []),
      ],
    },
    orderBy: { id: "asc" },
    select: revisionSelect,
  });
  return rows.map(toEntry);
}

export interface ClaimVersion {
  version: number;
  at: Date;
  by: string | null;
  action: HistoryEntry["action"];
  /** Every field's value at this version (as the revision log stores it: JSON values). */
  values: Record<string, unknown>;
  /** The fields this version changed. */
  changed: string[];
}

/** Fields of the row that are bookkeeping, not content. */
const NOT_COMPARED = new Set(["id", "createdAt", "updatedAt", "version"]);

/**
 * The claim's values at every version, rebuilt from its revisions: one save is one revision
 * with the version it produced. The create revision holds every field as {before: null,
 * after}, later ones the fields they changed (the links topicIds, quoteIds and passages
 * included). Revisions without a version (the delete) start no version.
 */
export function versionsFromRevisions(revisions: readonly HistoryEntry[]): ClaimVersion[] {
  const versions: ClaimVersion[] = [];
  let values: Record<string, unknown> = {};
  // A field's value before its first recorded change (the create revision leaves out empty
  // fields and empty links; the links of seeded claims appear only when first changed).
  const firstBefore = new Map<string, unknown>();
  for (const r of revisions) {
    if (r.entityType !== "Claim" || r.version === null) continue;
    values = { ...values };
    const changed: string[] = [];
    for (const [field, change] of Object.entries(r.changes)) {
      if (NOT_COMPARED.has(field) || field.startsWith("search")) continue;
      if (!firstBefore.has(field)) firstBefore.set(field, change.before);
      values[field] = change.after;
      changed.push(field);
    }
    versions.push({ version: r.version, at: r.at, by: r.by, action: r.action, values, changed });
  }
  for (const v of versions) {
    for (const [field, before] of firstBefore) if (!(field in v.values)) v.values[field] = before;
  }
  return versions;
}

export async function claimVersions(claimId: string, client: Db = db): Promise<ClaimVersion[]> {
  const rows = await client.revision.findMany({
    where: { entityType: "Claim", entityId: claimId },
    orderBy: { id: "asc" },
    select: revisionSelect,
  });
  return versionsFromRevisions(rows.map(toEntry));
}

// ---------------------------------------------------------------------------------------
// Names for the ids in stored values (history, comparison; the page shows them, see
// app/(desk)/admin/claims/[id]/history/values.ts)

/** Order of fields in the comparison: content first, bookkeeping last (CLAIM_FIELDS' order). */
export const CLAIM_FIELD_ORDER: readonly string[] = CLAIM_FIELDS;

export interface ValueLabels {
  speakers: Map<string, string>;
  verdicts: Map<string, string>;
  users: Map<string, string>;
  topics: Map<string, string>;
  quotes: Map<string, string>;
  sources: Map<string, string>;
}

/** Names for the ids that appear in the given values (speakers, verdicts, users, ...); verdicts
 * and topics in `locale` (both their names are the newsroom's, nameDe and nameEn). */
export async function valueLabels(valueSets: readonly Record<string, unknown>[], client: Db = db, locale: Locale = "de"): Promise<ValueLabels> {
  const ids = { speakers: new Set<string>(), verdicts: new Set<string>(), users: new Set<string>(), topics: new Set<string>(), quotes: new Set<string>(), sources: new Set<string>() };
  const addId = (set: Set<string>, v: unknown) => typeof v === "string" && v && set.add(v);
  for (const values of valueSets) {
    addId(ids.speakers, values.claimantId);
    addId(ids.verdicts, values.verdictId);
    addId(ids.verdicts, values.publishedVerdictId);
    for (const k of ["verdictAuthorId", "assigneeId", "createdById"]) addId(ids.users, values[k]);
    addId(ids.sources, values.sourceId);
    if (Array.isArray(values.topicIds)) values.topicIds.forEach((v) => addId(ids.topics, v));
    if (Array.isArray(values.quoteIds)) values.quoteIds.forEach((v) => addId(ids.quotes, v));
    if (Array.isArray(values.passages)) values.passages.forEach((p) => addId(ids.sources, (p as { sourceId?: unknown })?.sourceId));
  }
  const list = (s: Set<string>) => ({ in: [...s] });
  const [speakers, verdicts, users, topics, quotes, sources] = await Promise.all([
    client.speaker.findMany({ where: { id: list(ids.speakers) }, select: { id: true, name: true } }),
    client.verdictLabel.findMany({ where: { id: list(ids.verdicts) }, select: { id: true, nameDe: true, nameEn: true } }),
    client.user.findMany({ where: { id: list(ids.users) }, select: { id: true, name: true } }),
    client.topic.findMany({ where: { id: list(ids.topics) }, select: { id: true, nameDe: true, nameEn: true } }),
    client.quote.findMany({ where: { id: list(ids.quotes) }, select: { id: true, text: true, speaker: { select: { name: true } } } }),
    client.source.findMany({ where: { id: list(ids.sources) }, select: { id: true, title: true } }),
  ]);
  const named = (r: { nameDe: string; nameEn: string }) => (locale === "en" ? r.nameEn : r.nameDe);
  return {
    speakers: new Map(speakers.map((s) => [s.id, s.name])),
    verdicts: new Map(verdicts.map((v) => [v.id, named(v)])),
    users: new Map(users.map((u) => [u.id, u.name])),
    topics: new Map(topics.map((t) => [t.id, named(t)])),
    quotes: new Map(quotes.map((q) => [q.id, `${q.speaker.name}: ${shorten(q.text, 80)}`])),
    sources: new Map(sources.map((s) => [s.id, s.title])),
  };
}

// Sources: where something appeared or where evidence comes from, with a stored snapshot of
// its text. Offsets of quote appearances, claim passages and evidence point into that text, so
// the snapshot may change only where no marked passage would read differently afterwards, and
// its SHA-256 (contentHash) and snapshotAt follow every change of it.
import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "../db/client";
import type { Prisma, SourceKind } from "../generated/prisma/client";

export type { SourceKind };
import { can } from "../auth/permissions";
import { list, msg, zodMessage, type Message } from "../messages";
import { ForbiddenError, NotFoundError, ValidationError } from "./errors";
import { id, language, optionalDate, optionalText, optionalUrl, requiredText, version } from "./fields";
import { conflictFor, createRecord, deleteRecord, inTransaction, updateRecord, type Tx } from "./records";
import { DESK_COUNT_LIMIT, PAGE_SIZE, pageOf, sortColumns, type SortDirection, listSort, withLinkCounts } from "./listing";
import type { Actor } from "./speakers";

type Client = typeof db;

export const SOURCE_KINDS = [
  "news_article",
  "transcript",
  "official_document",
  "statistic",
  "video",
  "social_media",
  "other",
] as const satisfies readonly SourceKind[];

export const SNAPSHOT_MAX = 2_000_000;

/**
 * The stored text exactly as given, except line breaks: browsers send a textarea's line
 * breaks as CRLF, so they are stored as LF (offsets count the LF text). Not trimmed: leading
 * or trailing whitespace is part of the text the offsets count. Whitespace only means none.
 */
export const snapshotField = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.replace(/\r\n?/g, "\n")) : v),
  z.string().max(SNAPSHOT_MAX, zodMessage("msg.source.snapshotTooLong", { max: SNAPSHOT_MAX })).optional(),
);

const sourceShape = {
  kind: z.enum(SOURCE_KINDS, { error: zodMessage("msg.source.chooseKind") }),
  url: optionalUrl("url"),
  title: requiredText("title", 500),
  publisher: optionalText("publisher", 300),
  author: optionalText("author", 300),
  publishedAt: optionalDate("publishedAt"),
  accessedAt: optionalDate("accessedAt"),
  language,
  snapshotText: snapshotField,
};

export const sourceInput = z.object(sourceShape);
export const sourceUpdateInput = z.object({ ...sourceShape, id: id("source"), version });
export const sourceDeleteInput = z.object({ id: id("source"), version });

export type SourceInput = z.output<typeof sourceInput>;
export type SourceUpdateInput = z.output<typeof sourceUpdateInput>;
export type SourceDeleteInput = z.output<typeof sourceDeleteInput>;

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** A form date (midnight UTC) for a stored timestamp: the same day keeps the stored time. */
function sameDayOr(stored: Date | null, given: Date | undefined): Date | null {
  if (!given) return null;
  if (stored && stored.toISOString().slice(0, 10) === given.toISOString().slice(0, 10)) return stored;
  return given;
}

const short = (s: string, max = 80) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

export interface BrokenPassage {
  kind: "quote" | "claim" | "evidence";
  id: string;
  start: number;
  end: number;
  /** What the passage reads now. */
  text: string;
}

/** The passages pointing into the source whose words at [start, end) would change. */
export async function brokenPassages(tx: Tx | Client, sourceId: string, before: string, after: string): Promise<BrokenPassage[]> {
  // One after the other: in a transaction they share one connection.
  const appearances = await tx.quoteAppearance.findMany({ where: { sourceId }, select: { quoteId: true, start: true, end: true } });
  const passages = await tx.claimPassage.findMany({ where: { sourceId }, select: { claimId: true, start: true, end: true } });
  const evidence = await tx.evidence.findMany({ where: { sourceId, start: { not: null }, end: { not: null } }, select: { id: true, start: true, end: true } });
  const all: Omit<BrokenPassage, "text">[] = [
    ...appearances.map((a) => ({ kind: "quote" as const, id: a.quoteId, start: a.start, end: a.end })),
    ...passages.map((p) => ({ kind: "claim" as const, id: p.claimId, start: p.start, end: p.end })),
    ...evidence.map((e) => ({ kind: "evidence" as const, id: e.id, start: e.start ?? 0, end: e.end ?? 0 })),
  ];
  return all
    .filter((p) => before.slice(p.start, p.end) !== after.slice(p.start, p.end) || p.end > after.length)
    .map((p) => ({ ...p, text: before.slice(p.start, p.end) }));
}

function brokenMessage(broken: BrokenPassage[]): ValidationError {
  const n = broken.length;
  const byKind = (["quote", "claim", "evidence"] as const)
    .map((k) => [k, broken.filter((b) => b.kind === k).length] as const)
    .filter(([, c]) => c > 0)
    .map(([k, count]) => msg(`msg.source.broken.count.${k}`, { count }));
  const examples = broken
    .slice(0, 3)
    .map((b) => msg("msg.source.broken.example", { kind: msg(`msg.source.broken.kind.${b.kind}`), start: String(b.start), end: String(b.end), text: short(b.text) }));
  const message = msg("msg.source.broken.message", { count: n, kinds: list(byKind) });
  const more = n > examples.length ? [msg("msg.source.broken.more", { count: n - examples.length })] : [];
  return new ValidationError(message, { snapshotText: [msg("msg.source.broken.affected", { examples: list(examples, "semicolon") }), ...more] });
}

function snapshotData(text: string | null, now: Date) {
  return { snapshotText: text, contentHash: text === null ? null : sha256(text), snapshotAt: text === null ? null : now };
}

// ── Writes ──────────────────────────────────────────────────────────────────────────────────

export async function createSource(actor: Actor, input: SourceInput, client: Client | Tx = db): Promise<{ id: string }> {
  return inTransaction(async (tx) => {
    const row = await createRecord(tx, "Source", actor.id, {
      kind: input.kind,
      url: input.url ?? null,
      title: input.title,
      publisher: input.publisher ?? null,
      author: input.author ?? null,
      publishedAt: input.publishedAt ?? null,
      accessedAt: input.accessedAt ?? null,
      language: input.language,
      ...snapshotData(input.snapshotText ?? null, new Date()),
    });
    return { id: row.id };
  }, client);
}

export async function updateSource(actor: Actor, input: SourceUpdateInput, client: Client = db): Promise<{ id: string; changed: boolean }> {
  return inTransaction(async (tx) => {
    const current = await tx.source.findUnique({ where: { id: input.id } });
    if (!current) throw new NotFoundError("Source");
    if (current.version !== input.version) throw await conflictFor(tx, "Source", current);

    const data: Record<string, unknown> = {};
    const fields = {
      kind: input.kind,
      url: input.url ?? null,
      title: input.title,
      publisher: input.publisher ?? null,
      author: input.author ?? null,
      language: input.language,
    } as const;
    for (const [k, v] of Object.entries(fields)) if (current[k as keyof typeof fields] !== v) data[k] = v;
    const publishedAt = sameDayOr(current.publishedAt, input.publishedAt);
    if (publishedAt?.getTime() !== current.publishedAt?.getTime()) data.publishedAt = publishedAt;
    const accessedAt = sameDayOr(current.accessedAt, input.accessedAt);
    if (accessedAt?.getTime() !== current.accessedAt?.getTime()) data.accessedAt = accessedAt;

    const text = input.snapshotText ?? null;
    if (text !== current.snapshotText) {
      const broken = await brokenPassages(tx, current.id, current.snapshotText ?? "", text ?? "");
      if (broken.length) throw brokenMessage(broken);
      Object.assign(data, snapshotData(text, new Date()));
    }
    if (Object.keys(data).length === 0) return { id: current.id, changed: false };
    await updateRecord(tx, "Source", current.id, input.version, actor.id, data);
    return { id: current.id, changed: true };
  }, client);
}

// ── The delete rule ─────────────────────────────────────────────────────────────────────────
// A source is deleted only while nothing refers to it: no quote appearance, claim passage,
// evidence or ingested article. deleteSource refuses with these uses; the edit page says so
// before (getSourceForEdit's `uses`).

/** The counts the delete rule needs (Prisma's _count selection of a source). */
const SOURCE_USES_COUNT = { appearances: true, passages: true, evidence: true, articles: true } as const;

export interface SourceUses {
  appearances: number;
  passages: number;
  evidence: number;
  articles: number;
}

/** How many records refer to the source: it may be deleted only when this is 0. */
export function sourceUseCount(uses: SourceUses): number {
  return uses.appearances + uses.passages + uses.evidence + uses.articles;
}

function sourceUseMessages(c: SourceUses): Message[] {
  return [
    c.appearances ? msg("msg.source.uses.appearances", { count: c.appearances }) : null,
    c.passages ? msg("msg.source.uses.passages", { count: c.passages }) : null,
    c.evidence ? msg("msg.source.uses.evidence", { count: c.evidence }) : null,
    c.articles ? msg("msg.source.uses.articles", { count: c.articles }) : null,
  ].filter((m): m is Message => m !== null);
}

export async function deleteSource(actor: Actor, input: SourceDeleteInput, client: Client = db): Promise<{ title: string }> {
  if (!can(actor.role, "record.delete")) throw new ForbiddenError(msg("msg.source.deleteRoles"));
  return inTransaction(async (tx) => {
    const current = await tx.source.findUnique({
      where: { id: input.id },
      include: { _count: { select: SOURCE_USES_COUNT } },
    });
    if (!current) throw new NotFoundError("Source");
    if (current.version !== input.version) throw await conflictFor(tx, "Source", current);
    const uses = current._count;
    if (sourceUseCount(uses) > 0) {
      throw new ValidationError(msg("msg.source.inUse", { title: short(current.title), uses: list(sourceUseMessages(uses)) }));
    }
    await deleteRecord(tx, "Source", current.id, input.version, actor.id);
    return { title: current.title };
  }, client);
}

// ── Reads ───────────────────────────────────────────────────────────────────────────────────

/** The list's sortable columns and the direction each starts in; the first is the default. */
export const SOURCE_SORTING = sortColumns({
  updated: "desc",
  title: "asc",
  published: "desc",
  kind: "asc",
  publisher: "asc",
});
export const SOURCE_SORTS = SOURCE_SORTING.columns;
export type SourceSort = (typeof SOURCE_SORTS)[number];

export interface SourceListParams {
  q?: string;
  kind?: SourceKind;
  sort?: SourceSort;
  /** Default: the column's own direction. */
  dir?: SortDirection;
  page?: number;
}

export async function listSources(params: SourceListParams, client: Client = db) {
  const page = params.page ?? 1;
  const where: Prisma.SourceWhereInput = {
    ...(params.kind ? { kind: params.kind } : {}),
    ...(params.q
      ? {
          OR: [
            { title: { contains: params.q, mode: "insensitive" } },
            { publisher: { contains: params.q, mode: "insensitive" } },
            { url: { contains: params.q, mode: "insensitive" } },
            { author: { contains: params.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const { sort, dir } = listSort(SOURCE_SORTING, params.sort, params.dir);
  // Ties latest change first; the id makes the order total. Sources without a date or a
  // publisher come last.
  const orders: Record<SourceSort, Prisma.SourceOrderByWithRelationInput[]> = {
    updated: [{ updatedAt: dir }],
    title: [{ title: dir }],
    published: [{ publishedAt: { sort: dir, nulls: "last" } }, { updatedAt: "desc" }],
    kind: [{ kind: dir }, { updatedAt: "desc" }],
    publisher: [{ publisher: { sort: dir, nulls: "last" } }, { updatedAt: "desc" }],
  };
  const orderBy: Prisma.SourceOrderByWithRelationInput[] = [...orders[sort], { id: "asc" }];
  const [items, total] = await Promise.all([
    client.source.findMany({
      where,
      orderBy,
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        title: true,
        publisher: true,
        url: true,
        publishedAt: true,
        updatedAt: true,
        contentHash: true,
      },
    }),
    client.source.count({ where, take: DESK_COUNT_LIMIT + 1 }),
  ]);
  const counted = await withLinkCounts(client, items, {
    appearances: ["QuoteAppearance", "sourceId"],
    passages: ["ClaimPassage", "sourceId"],
    evidence: ["Evidence", "sourceId"],
  });
  return pageOf(counted, total, page);
}

export async function getSourceForEdit(sourceId: string, client: Client = db) {
  const s = await client.source.findUnique({
    where: { id: sourceId },
    include: { _count: { select: SOURCE_USES_COUNT } },
  });
  if (!s) return null;
  const { _count, ...source } = s;
  // `uses`: how many records keep it from being deleted (the delete rule: 0 = deletable).
  return { ...source, counts: _count, uses: sourceUseCount(_count) };
}

/** The stored text of a source, for the passage picker. */
export async function getSourceText(sourceId: string, client: Client = db) {
  return client.source.findUnique({ where: { id: sourceId }, select: { id: true, title: true, language: true, snapshotText: true, contentHash: true } });
}

/** Every source as a select option (newest first); the page marks those without stored text. */
export async function sourceOptions(client: Client = db): Promise<{ value: string; label: string; hasText: boolean }[]> {
  const rows = await client.source.findMany({
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true, title: true, publisher: true, contentHash: true },
    take: 1000,
  });
  return rows.map((s) => ({
    value: s.id,
    label: `${short(s.title, 90)}${s.publisher ? ` (${short(s.publisher, 40)})` : ""}`,
    hasText: s.contentHash !== null,
  }));
}

// Speakers: the people, organisations and publications that say things. Name, kind, slug of
// the public page, Wikidata id, bio, aliases (SpeakerAlias rows) and roles with time ranges
// (SpeakerRole rows). Aliases and roles are link rows: a change to them is recorded as the
// speaker's fields "aliases" / "roles" (before/after) in the save's one revision and bumps the
// speaker's version.
//
// A public speaker (lib/public publicSpeakerWhere: the claimant of a public claim, or the
// speaker or reporter of a public quote) shows its record on its public page as it is (name,
// kind, bio, aliases, roles, Wikidata id): that page is not part of any claim's approval. So
// once a speaker is public only desk roles change it; contributors keep editing speakers that
// are not public yet. Claim pages show the claimant's and the quotes' speakers' names as
// approved (./publication.ts), whatever the record says now.
import { z } from "zod";
import { db } from "../db/client";
import type { Prisma, SpeakerKind } from "../generated/prisma/client";

export type { SpeakerKind };
import type { SessionUser } from "../auth/session";
import { can, type Permission } from "../auth/permissions";
import { publicSpeakerWhere } from "../public";
import { list, msg, zodMessage, type Message } from "../messages";
import { ForbiddenError, NotFoundError, ValidationError } from "./errors";
import { id, optionalDate, optionalText, requiredText, version, withRows } from "./fields";
import { conflictFor, createRecord, deleteRecord, freeSlug, inTransaction, updateRecord, type Tx } from "./records";
import { DESK_COUNT_LIMIT, PAGE_SIZE, pageOf, sortColumns, type Page, type SortDirection, listSort, withLinkCounts } from "./listing";

type Client = typeof db;
export type Actor = Pick<SessionUser, "id" | "name" | "email" | "role">;

/** A date as YYYY-MM-DD (revisions and forms), or null. */
export const isoDay = (d: Date | null | undefined): string | null => (d ? d.toISOString().slice(0, 10) : null);

/** A P2002 (unique constraint) error of Prisma, with the fields it names when it can tell. */
export function uniqueViolation(error: unknown): string | null {
  if (error === null || typeof error !== "object" || (error as { code?: unknown }).code !== "P2002") return null;
  return JSON.stringify((error as { meta?: unknown }).meta ?? {}) + String((error as { message?: unknown }).message ?? "");
}

// ── Input ───────────────────────────────────────────────────────────────────────────────────

export const SPEAKER_KINDS = ["person", "organization", "publication"] as const satisfies readonly SpeakerKind[];

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const slugField = z.preprocess(
  (v) => (typeof v === "string" ? blank(v.trim().toLowerCase()) : v),
  z
    .string()
    .max(80, zodMessage("msg.speaker.slugTooLong"))
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, zodMessage("msg.speaker.slugFormat"))
    .optional(),
);

const wikidataField = z.preprocess(
  (v) => (typeof v === "string" ? blank(v.trim().toUpperCase()) : v),
  z.string().regex(/^Q[1-9]\d{0,11}$/, zodMessage("msg.speaker.wikidataFormat")).optional(),
);

/** One alias per line (textarea) or a list; trimmed, blanks and repeats dropped. */
const aliasesField = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/\r?\n/) : v === undefined ? [] : v),
  z
    .array(z.string().trim().max(200, zodMessage("msg.speaker.aliasTooLong")))
    .max(100, zodMessage("msg.speaker.tooManyAliases"))
    .transform((list) => [...new Set(list.filter((a) => a !== ""))]),
);

const roleRow = z.object({
  title: z.string().trim().max(200, zodMessage("msg.speaker.roleTitleTooLong")),
  organization: optionalText("organization", 200),
  startDate: optionalDate("roleStart"),
  endDate: optionalDate("roleEnd"),
});

export const ROLE_COLUMNS = { title: "roleTitle", organization: "roleOrganization", startDate: "roleStart", endDate: "roleEnd" } as const;

const speakerShape = {
  name: requiredText("speakerName", 200),
  kind: z.enum(SPEAKER_KINDS, { error: zodMessage("msg.speaker.chooseKind") }),
  slug: slugField,
  wikidataId: wikidataField,
  bio: optionalText("bio", 5_000),
  aliases: aliasesField,
  roles: z.array(roleRow).max(50, zodMessage("msg.speaker.tooManyRoles")),
};

export const speakerInput = z.preprocess(withRows("roles", ROLE_COLUMNS), z.object(speakerShape));
export const speakerUpdateInput = z.preprocess(withRows("roles", ROLE_COLUMNS), z.object({ ...speakerShape, id: id("speaker"), version }));
export const speakerDeleteInput = z.object({ id: id("speaker"), version });

export type SpeakerInput = z.output<typeof speakerInput>;
export type SpeakerUpdateInput = z.output<typeof speakerUpdateInput>;
export type SpeakerDeleteInput = z.output<typeof speakerDeleteInput>;
type RoleInput = SpeakerInput["roles"][number];

// ── Rules ───────────────────────────────────────────────────────────────────────────────────

interface RoleValue {
  title: string;
  organization: string | null;
  startDate: string | null;
  endDate: string | null;
}

function checkRoles(roles: RoleInput[]): RoleValue[] {
  const errors: Message[] = [];
  const values = roles.map((r, i) => {
    const n = i + 1;
    if (!r.title) errors.push(msg("msg.speaker.roleTitleMissing", { n }));
    if (r.startDate && r.endDate && r.endDate < r.startDate) {
      errors.push(msg("msg.speaker.roleEndBeforeStart", { n, end: isoDay(r.endDate)!, start: isoDay(r.startDate)! }));
    }
    return { title: r.title, organization: r.organization ?? null, startDate: isoDay(r.startDate), endDate: isoDay(r.endDate) };
  });
  if (errors.length) throw new ValidationError(msg("msg.speaker.checkRoles"), { roles: errors });
  return sortRoles(values);
}

const compare = (a: string, b: string) => a.localeCompare(b, "de");

function sortRoles(roles: RoleValue[]): RoleValue[] {
  return [...roles].sort(
    // By start date (undated last), then title.
    (a, b) => (a.startDate ?? "9999").localeCompare(b.startDate ?? "9999") || compare(a.title, b.title) || compare(a.organization ?? "", b.organization ?? ""),
  );
}

const sortAliases = (aliases: string[]) => [...aliases].sort(compare);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function roleRows(roles: RoleValue[], speakerId: string): Prisma.SpeakerRoleCreateManyInput[] {
  return roles.map((r) => ({
    speakerId,
    title: r.title,
    organization: r.organization,
    startDate: r.startDate ? new Date(`${r.startDate}T00:00:00Z`) : null,
    endDate: r.endDate ? new Date(`${r.endDate}T00:00:00Z`) : null,
  }));
}

async function resolveSlug(tx: Tx, wanted: string | undefined, name: string, selfId: string | null): Promise<string> {
  if (wanted) {
    const other = await tx.speaker.findUnique({ where: { slug: wanted }, select: { id: true, name: true } });
    if (other && other.id !== selfId) {
      throw new ValidationError(msg("msg.speaker.slugTaken"), { slug: [msg("msg.speaker.slugTakenBy", { slug: wanted, name: other.name })] });
    }
    return wanted;
  }
  return freeSlug(tx, "speaker", name, selfId);
}

async function checkWikidata(tx: Tx, wikidataId: string | undefined, selfId: string | null): Promise<void> {
  if (!wikidataId) return;
  const other = await tx.speaker.findUnique({ where: { wikidataId }, select: { id: true, name: true } });
  if (other && other.id !== selfId) {
    throw new ValidationError(msg("msg.speaker.wikidataTaken"), {
      wikidataId: [msg("msg.speaker.wikidataTakenBy", { wikidataId, name: other.name, path: `/admin/speakers/${other.id}` })],
    });
  }
}

/** Turns a unique violation that slipped past the checks (two saves at once) into a clear error. */
function translateUnique(error: unknown): never {
  const info = uniqueViolation(error);
  if (info !== null) {
    if (info.includes("wikidataId")) throw new ValidationError(msg("msg.speaker.wikidataTaken"), { wikidataId: [msg("msg.speaker.wikidataTakenOther")] });
    if (info.includes("slug")) throw new ValidationError(msg("msg.speaker.slugTaken"), { slug: [msg("msg.speaker.slugTakenOther")] });
    throw new ValidationError(msg("msg.error.duplicate"));
  }
  throw error;
}

/**
 * The stored speaker shaped like the form (aliases as the textarea's lines, roles as the
 * parallel row lists), so that a conflict can show the newer values beside the user's input.
 */
function asForm(row: {
  id: string;
  version: number;
  aliases: { alias: string }[];
  roles: { title: string; organization: string | null; startDate: Date | null; endDate: Date | null }[];
  [key: string]: unknown;
}) {
  const { aliases, roles, ...rest } = row;
  const sorted = sortRoles(roles.map((r) => ({ title: r.title, organization: r.organization, startDate: isoDay(r.startDate), endDate: isoDay(r.endDate) })));
  return {
    ...rest,
    id: row.id,
    version: row.version,
    aliases: sortAliases(aliases.map((a) => a.alias)).join("\n"),
    // The form shows one blank row after the stored ones; so does this, to compare alike.
    [ROLE_COLUMNS.title]: [...sorted.map((r) => r.title), ""],
    [ROLE_COLUMNS.organization]: [...sorted.map((r) => r.organization ?? ""), ""],
    [ROLE_COLUMNS.startDate]: [...sorted.map((r) => r.startDate ?? ""), ""],
    [ROLE_COLUMNS.endDate]: [...sorted.map((r) => r.endDate ?? ""), ""],
  };
}

function scalars(input: SpeakerInput, slug: string) {
  return { name: input.name, kind: input.kind, slug, wikidataId: input.wikidataId ?? null, bio: input.bio ?? null };
}

/** Who may change a public speaker's record: the roles that correct what is public (editor,
 * reviewer, admin; not contributors). */
export const PUBLIC_SPEAKER_PERMISSION: Permission = "claim.correct";

/** Whether the speaker has a public page (lib/public's rule). */
export async function isPublicSpeaker(client: Tx | Client, speakerId: string): Promise<boolean> {
  return (await client.speaker.count({ where: { id: speakerId, ...publicSpeakerWhere } })) > 0;
}

// ── Writes ──────────────────────────────────────────────────────────────────────────────────

export async function createSpeaker(actor: Actor, input: SpeakerInput, client: Client | Tx = db): Promise<{ id: string; slug: string }> {
  const roles = checkRoles(input.roles);
  const aliases = sortAliases(input.aliases);
  try {
    return await inTransaction(async (tx) => {
      const slug = await resolveSlug(tx, input.slug, input.name, null);
      await checkWikidata(tx, input.wikidataId, null);
      const row = await createRecord<{ id: string; slug: string }>(tx, "Speaker", actor.id, scalars(input, slug), {
        links: { aliases: { before: [], after: aliases }, roles: { before: [], after: roles } },
      });
      if (aliases.length) await tx.speakerAlias.createMany({ data: aliases.map((alias) => ({ speakerId: row.id, alias })) });
      if (roles.length) await tx.speakerRole.createMany({ data: roleRows(roles, row.id) });
      return { id: row.id, slug: row.slug };
    }, client);
  } catch (error) {
    translateUnique(error);
  }
}

/** Saves the speaker; `changed` is false when the input equals what is stored (nothing written). */
export async function updateSpeaker(actor: Actor, input: SpeakerUpdateInput, client: Client = db): Promise<{ id: string; changed: boolean }> {
  const roles = checkRoles(input.roles);
  const aliases = sortAliases(input.aliases);
  try {
    return await inTransaction(async (tx) => {
      const current = await tx.speaker.findUnique({ where: { id: input.id }, include: { aliases: true, roles: true } });
      if (!current) throw new NotFoundError("Speaker");
      if (current.version !== input.version) throw await conflictFor(tx, "Speaker", asForm(current));

      const slug = input.slug === current.slug ? current.slug : await resolveSlug(tx, input.slug, input.name, current.id);
      await checkWikidata(tx, input.wikidataId, current.id);
      const data = scalars(input, slug);
      const scalarChanged = (Object.keys(data) as (keyof typeof data)[]).some((k) => data[k] !== current[k]);
      const aliasesBefore = sortAliases(current.aliases.map((a) => a.alias));
      const rolesBefore = sortRoles(
        current.roles.map((r) => ({ title: r.title, organization: r.organization, startDate: isoDay(r.startDate), endDate: isoDay(r.endDate) })),
      );
      const aliasesChanged = !same(aliasesBefore, aliases);
      const rolesChanged = !same(rolesBefore, roles);
      if (!scalarChanged && !aliasesChanged && !rolesChanged) return { id: current.id, changed: false };
      if (!can(actor.role, PUBLIC_SPEAKER_PERMISSION) && (await isPublicSpeaker(tx, current.id))) {
        throw new ForbiddenError(msg("msg.speaker.publicPage", { name: current.name }));
      }

      // The conflict guard, the version bump and the one revision of this save (columns and
      // links) go through updateRecord, even when only links changed; the link rows are
      // written after it, so a conflict leaves them untouched.
      await updateRecord(tx, "Speaker", current.id, input.version, actor.id, scalarChanged ? data : {}, {
        links: { aliases: { before: aliasesBefore, after: aliases }, roles: { before: rolesBefore, after: roles } },
      });
      if (aliasesChanged) {
        await tx.speakerAlias.deleteMany({ where: { speakerId: current.id } });
        if (aliases.length) await tx.speakerAlias.createMany({ data: aliases.map((alias) => ({ speakerId: current.id, alias })) });
      }
      if (rolesChanged) {
        await tx.speakerRole.deleteMany({ where: { speakerId: current.id } });
        if (roles.length) await tx.speakerRole.createMany({ data: roleRows(roles, current.id) });
      }
      return { id: current.id, changed: true };
    }, client);
  } catch (error) {
    translateUnique(error);
  }
}

// ── The delete rule ─────────────────────────────────────────────────────────────────────────
// A speaker is deleted only while nothing names it: no quote (as speaker or reporter), no claim
// (as claimant), and no quote as approved on a public claim (even when the working quote has
// another speaker now: the public page must keep its link). deleteSpeaker refuses with these
// uses; the edit page says so before (getSpeakerForEdit's `uses`).

/** The counts the delete rule needs (Prisma's _count selection of a speaker). */
const SPEAKER_USES_COUNT = { quotes: true, quotesReported: true, claims: true, publishedQuotes: true, publishedQuotesReported: true } as const;

export interface SpeakerUses {
  quotes: number;
  quotesReported: number;
  claims: number;
  /** Quotes as approved on public claims, as speaker or reporter. */
  published: number;
}

function speakerUses(c: { quotes: number; quotesReported: number; claims: number; publishedQuotes: number; publishedQuotesReported: number }): SpeakerUses {
  return { quotes: c.quotes, quotesReported: c.quotesReported, claims: c.claims, published: c.publishedQuotes + c.publishedQuotesReported };
}

/** How many records name the speaker: it may be deleted only when this is 0. */
export function speakerUseCount(uses: SpeakerUses): number {
  return uses.quotes + uses.quotesReported + uses.claims + uses.published;
}

function speakerUseMessages(uses: SpeakerUses): Message[] {
  return [
    uses.quotes ? msg("msg.speaker.uses.quotes", { count: uses.quotes }) : null,
    uses.quotesReported ? msg("msg.speaker.uses.quotesReported", { count: uses.quotesReported }) : null,
    uses.claims ? msg("msg.speaker.uses.claims", { count: uses.claims }) : null,
    uses.published ? msg("msg.speaker.uses.published", { count: uses.published }) : null,
  ].filter((m): m is Message => m !== null);
}

export async function deleteSpeaker(actor: Actor, input: SpeakerDeleteInput, client: Client = db): Promise<{ name: string }> {
  if (!can(actor.role, "record.delete")) throw new ForbiddenError(msg("msg.speaker.deleteRoles"));
  return inTransaction(async (tx) => {
    const current = await tx.speaker.findUnique({
      where: { id: input.id },
      include: {
        aliases: true,
        roles: true,
        _count: { select: SPEAKER_USES_COUNT },
      },
    });
    if (!current) throw new NotFoundError("Speaker");
    if (current.version !== input.version) throw await conflictFor(tx, "Speaker", asForm(current));
    const uses = speakerUses(current._count);
    if (speakerUseCount(uses) > 0) {
      throw new ValidationError(msg("msg.speaker.inUse", { name: current.name, uses: list(speakerUseMessages(uses), "and") }));
    }
    // Keep the aliases and roles in the history: they go with the speaker (cascade), recorded
    // in the delete revision.
    const aliases = sortAliases(current.aliases.map((a) => a.alias));
    const roles = sortRoles(current.roles.map((r) => ({ title: r.title, organization: r.organization, startDate: isoDay(r.startDate), endDate: isoDay(r.endDate) })));
    await deleteRecord(tx, "Speaker", current.id, input.version, actor.id, {
      links: { aliases: { before: aliases, after: [] }, roles: { before: roles, after: [] } },
    });
    return { name: current.name };
  }, client);
}

// ── Reads ───────────────────────────────────────────────────────────────────────────────────

/** The list's sortable columns and the direction each starts in; the first is the default. */
export const SPEAKER_SORTING = sortColumns({
  name: "asc",
  updated: "desc",
  kind: "asc",
  quotes: "desc",
  claims: "desc",
});
export const SPEAKER_SORTS = SPEAKER_SORTING.columns;
export type SpeakerSort = (typeof SPEAKER_SORTS)[number];

export interface SpeakerListParams {
  q?: string;
  kind?: SpeakerKind;
  sort?: SpeakerSort;
  /** Default: the column's own direction. */
  dir?: SortDirection;
  page?: number;
}

export async function listSpeakers(params: SpeakerListParams, client: Client = db) {
  const page = params.page ?? 1;
  const where: Prisma.SpeakerWhereInput = {
    ...(params.kind ? { kind: params.kind } : {}),
    ...(params.q
      ? {
          OR: [
            { name: { contains: params.q, mode: "insensitive" } },
            { aliases: { some: { alias: { contains: params.q, mode: "insensitive" } } } },
            { slug: { contains: params.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const { sort, dir } = listSort(SPEAKER_SORTING, params.sort, params.dir);
  // Ties by name; the id makes the order total.
  const orders: Record<SpeakerSort, Prisma.SpeakerOrderByWithRelationInput[]> = {
    name: [{ name: dir }],
    updated: [{ updatedAt: dir }],
    kind: [{ kind: dir }, { name: "asc" }],
    quotes: [{ quotes: { _count: dir } }, { name: "asc" }],
    claims: [{ claims: { _count: dir } }, { name: "asc" }],
  };
  const orderBy: Prisma.SpeakerOrderByWithRelationInput[] = [...orders[sort], { id: "asc" }];
  const [items, total] = await Promise.all([
    client.speaker.findMany({
      where,
      orderBy,
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        slug: true,
        kind: true,
        wikidataId: true,
        updatedAt: true,
        aliases: { select: { alias: true }, orderBy: { alias: "asc" } },
      },
    }),
    client.speaker.count({ where, take: DESK_COUNT_LIMIT + 1 }),
  ]);
  const counted = await withLinkCounts(client, items, { quotes: ["Quote", "speakerId"], claims: ["Claim", "claimantId"] });
  return pageOf(counted, total, page) satisfies Page<(typeof counted)[number]>;
}

export interface SpeakerForEdit {
  id: string;
  version: number;
  name: string;
  kind: SpeakerKind;
  slug: string;
  wikidataId: string | null;
  bio: string | null;
  aliases: string[];
  roles: RoleValue[];
  counts: { quotes: number; quotesReported: number; claims: number };
  /** How many records keep the speaker from being deleted (the delete rule: 0 = deletable). */
  uses: number;
  /** Whether the speaker has a public page (only claim.correct edits it then). */
  isPublic: boolean;
  updatedAt: Date;
}

export async function getSpeakerForEdit(speakerId: string, client: Client = db): Promise<SpeakerForEdit | null> {
  const s = await client.speaker.findUnique({
    where: { id: speakerId },
    include: { aliases: true, roles: true, _count: { select: SPEAKER_USES_COUNT } },
  });
  if (!s) return null;
  const uses = speakerUses(s._count);
  return {
    id: s.id,
    version: s.version,
    name: s.name,
    kind: s.kind,
    slug: s.slug,
    wikidataId: s.wikidataId,
    bio: s.bio,
    aliases: sortAliases(s.aliases.map((a) => a.alias)),
    roles: sortRoles(s.roles.map((r) => ({ title: r.title, organization: r.organization, startDate: isoDay(r.startDate), endDate: isoDay(r.endDate) }))),
    counts: { quotes: uses.quotes, quotesReported: uses.quotesReported, claims: uses.claims },
    uses: speakerUseCount(uses),
    isPublic: await isPublicSpeaker(client, s.id),
    updatedAt: s.updatedAt,
  };
}


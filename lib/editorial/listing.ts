// Parameters of an admin list (search, filters, sort, page) from the URL, validated: a bad
// value falls back to the default rather than failing the page.
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client";
import { hasControlCharacter } from "../input-text";

export const PAGE_SIZE = 25;

export type SearchParams = Record<string, string | string[] | undefined>;

/** A one-line parameter, trimmed and cut at 200 characters; absent when empty or when it has a
 * control character (no filter, id or search has one, and PostgreSQL refuses a NUL: found by
 * the fuzz drill as `?q=%00` failing every desk list). */
export function param(params: SearchParams, name: string): string | undefined {
  const v = params[name];
  const s = Array.isArray(v) ? v[0] : v;
  if (s === undefined || hasControlCharacter(s)) return undefined;
  return s.trim() === "" ? undefined : s.trim().slice(0, 200);
}

export function pageParam(params: SearchParams): number {
  const n = z.coerce.number().int().min(1).max(100_000).safeParse(param(params, "page"));
  return n.success ? n.data : 1;
}

/** One of `allowed`, else the first. */
export function choice<T extends string>(params: SearchParams, name: string, allowed: readonly T[]): T {
  const v = param(params, name);
  return (allowed as readonly string[]).includes(v ?? "") ? (v as T) : allowed[0]!;
}

export function optionalChoice<T extends string>(params: SearchParams, name: string, allowed: readonly T[]): T | undefined {
  const v = param(params, name);
  return (allowed as readonly string[]).includes(v ?? "") ? (v as T) : undefined;
}

/** The desk's lists count their rows up to this many (a count that stops at DESK_COUNT_LIMIT + 1
 * rows): counting every row of a large archive cost more than showing its first page. Above,
 * the list says "more than 10000" and pages on. */
export const DESK_COUNT_LIMIT = 10_000;

export interface Page<T> {
  items: T[];
  /** At most DESK_COUNT_LIMIT; with `atLeast`, there are more. */
  total: number;
  page: number;
  pageCount: number;
  /** More rows than DESK_COUNT_LIMIT: `total` is a lower bound. */
  atLeast?: boolean;
}

/** `total` as counted with `take: DESK_COUNT_LIMIT + 1`. */
export function pageOf<T>(items: T[], total: number, page: number, pageSize = PAGE_SIZE): Page<T> {
  if (total > DESK_COUNT_LIMIT) {
    // Pages past the counted ones stay reachable one "next" at a time.
    const pageCount = Math.max(Math.ceil(DESK_COUNT_LIMIT / pageSize), items.length === pageSize ? page + 1 : page);
    return { items, total: DESK_COUNT_LIMIT, page, pageCount, atLeast: true };
  }
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** A table that points at a listed row, and its column that does: what a list counts per row. */
export type CountedLink = readonly [table: "QuoteAppearance" | "ClaimQuote" | "Quote" | "Claim" | "ClaimPassage" | "Evidence", column: string];

/**
 * The rows of one page, each with `_count`: how many rows of each `links` table point at it.
 * Prisma's own `_count` in a list's findMany joins every linked table grouped in full
 * (PostgreSQL does not push the page's ids into a grouped subquery): that was 220 ms of the
 * quotes list's 240 ms at 50,000 quotes, growing with the archive. Here one statement counts
 * the page's ids only, through each link column's index.
 */
export async function withLinkCounts<T extends { id: string }, K extends string>(
  client: Pick<Db, "$queryRaw">,
  rows: T[],
  links: Record<K, CountedLink>,
): Promise<(T & { _count: Record<K, number> })[]> {
  const keys = Object.keys(links) as K[];
  const ids = rows.map((r) => r.id);
  const counted =
    ids.length === 0
      ? []
      : await client.$queryRaw<{ link: K; id: string; n: number }[]>(
          Prisma.join(
            keys.map((key) => {
              // Table and column names come from the code above, never from a request.
              const [table, column] = links[key];
              return Prisma.sql`SELECT ${key} AS "link", ${Prisma.raw(`"${column}"`)} AS "id", count(*)::int AS "n"
                FROM ${Prisma.raw(`"${table}"`)} WHERE ${Prisma.raw(`"${column}"`)} = ANY(${ids}::text[]) GROUP BY 2`;
            }),
            " UNION ALL ",
          ),
        );
  const count = new Map(counted.map((c) => [`${c.link} ${c.id}`, c.n]));
  return rows.map((row) => ({
    ...row,
    _count: Object.fromEntries(keys.map((key) => [key, count.get(`${key} ${row.id}`) ?? 0])) as Record<K, number>,
  }));
}

/** The URL of the same list with some parameters changed. */
export function listHref(path: string, params: SearchParams, changes: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (s !== undefined && s !== "" && !(k in changes)) query.set(k, s);
  }
  for (const [k, v] of Object.entries(changes)) if (v !== undefined && v !== "") query.set(k, String(v));
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

// ── Sorting ─────────────────────────────────────────────────────────────────────────────────
// Every list sorts by one of its columns, in either direction: `sort` names the column, `dir`
// the direction (the column headers link to both, components/admin/SortHeader.tsx). Each column
// has the direction it starts in (names A→Z, dates newest first); a column clicked again turns.

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface ListSort<K extends string> {
  sort: K;
  dir: SortDirection;
}

/** The sortable columns of a list, each with the direction it starts in; the first is the
 * list's default order. */
export interface SortColumns<K extends string> {
  columns: readonly K[];
  initial: Readonly<Record<K, SortDirection>>;
}

/** A list's sortable columns from {column: initial direction}, the default order first. */
export function sortColumns<K extends string>(initial: Readonly<Record<K, SortDirection>>): SortColumns<K> {
  return { columns: Object.keys(initial) as K[], initial };
}

/** The list's sort from `sort` and `dir`: a column of the list (else the default one) and a
 * direction (else the column's own). A bad value falls back; it never fails the page. */
export function sortParam<K extends string>(params: SearchParams, columns: SortColumns<K>): ListSort<K> {
  return listSort(columns, choice(params, "sort", columns.columns), optionalChoice(params, "dir", SORT_DIRECTIONS));
}

/** A list's order: `sort` (else the list's default column) in `dir` (else the column's own direction). */
export function listSort<K extends string>(columns: SortColumns<K>, sort?: K, dir?: SortDirection): ListSort<K> {
  const column = sort ?? columns.columns[0]!;
  return { sort: column, dir: dir ?? columns.initial[column] };
}

/** The `sort` and `dir` of the URL as a list's links and forms keep them: nothing for the
 * list's default order. */
export function sortQuery<K extends string>(current: ListSort<K>, columns: SortColumns<K>): Record<string, string> {
  if (current.sort === columns.columns[0] && current.dir === columns.initial[current.sort]) return {};
  return { sort: current.sort, dir: current.dir };
}

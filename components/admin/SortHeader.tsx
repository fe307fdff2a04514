// A sortable column header of a newsroom list: the column's name is a link to the same list
// sorted by it (search and filters kept, back to the first page). A column sorts first in its
// own direction (names A→Z, dates newest first, lib/editorial/listing.ts sortColumns); the
// sorted column says so with aria-sort, and its link turns the direction.
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { listHref, sortQuery, type ListSort, type SearchParams, type SortColumns } from "@/lib/editorial/listing";

/** What every header of one list shares. */
export interface Sorting<K extends string> {
  /** The list's path. */
  path: string;
  /** The list's URL parameters (search, filters). */
  params: SearchParams;
  current: ListSort<K>;
  columns: SortColumns<K>;
}

export async function SortHeader<K extends string>({
  sorting,
  column,
  className,
  children,
}: {
  sorting: Sorting<K>;
  column: K;
  className?: string;
  /** The column's name. */
  children: ReactNode;
}) {
  const t = await getTranslations("desk.list");
  const { current, columns } = sorting;
  const active = current.sort === column;
  const next = active ? (current.dir === "asc" ? "desc" : "asc") : columns.initial[column];
  // The list's default order has no parameters in the URL.
  const order = sortQuery({ sort: column, dir: next }, columns);
  const href = listHref(sorting.path, sorting.params, { sort: order.sort, dir: order.dir, page: undefined, geloescht: undefined });
  return (
    <th scope="col" className={className} aria-sort={active ? (current.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={href} className="sort-header">
        {children}
        <span aria-hidden="true" className={active ? "sort-header__arrow sort-header__arrow--active" : "sort-header__arrow"}>
          {active ? (current.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="visually-hidden">{t(next === "asc" ? "sortAscending" : "sortDescending")}</span>
      </Link>
    </th>
  );
}

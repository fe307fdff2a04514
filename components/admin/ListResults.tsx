// The results of a newsroom list: the count line, the table (scrolling sideways in the narrow
// newsroom column) or the empty state, and the pagination. The page passes its table as children
// and its own texts; the links to other pages keep the list's search and filters.
import Link from "next/link";
import type { ReactNode } from "react";
import { Pagination } from "@/components/Pagination";
import { TableScroll } from "@/components/admin/TableScroll";
import { countOf, listHref, type Page, type SearchParams } from "@/lib/editorial/listing";
// Its styles, so that any page using the component gets them (not only the ones that import it).
import "@/app/(desk)/admin/editorial.css";

export function ListResults({
  path,
  params,
  result,
  count,
  filtered = false,
  empty,
  firstPageLink = false,
  scrollLabel,
  footer,
  children,
}: {
  /** The list's path. */
  path: string;
  /** The list's URL parameters (search, filters, sort). */
  params: SearchParams;
  result: Omit<Page<unknown>, "items"> & { items: readonly unknown[] };
  /** The nouns of the count line above the results, a status message ("1 Quelle", "3 Quellen gefunden"). */
  count?: { one: string; many: string };
  /** Whether a search or filter is set ("… gefunden"). */
  filtered?: boolean;
  /** The text when there is nothing to show. */
  empty: ReactNode;
  /** Past the last page of a list that has entries, the empty state links to the first page. */
  firstPageLink?: boolean;
  /** A label makes the scrolling box a focusable, labelled region (TableScroll). */
  scrollLabel?: string;
  /** Shown below the results, above the pagination. */
  footer?: ReactNode;
  /** The table. */
  children: ReactNode;
}) {
  // A one-time notice (?geloescht=1 after a delete) is not carried to other pages.
  const pageHref = (n: number) => listHref(path, params, { page: n > 1 ? n : undefined, geloescht: undefined });
  return (
    <>
      {count && (
        <p className="list-summary" role="status">
          {result.atLeast ? `mehr als ${countOf(result.total, count.one, count.many)}` : countOf(result.total, count.one, count.many)}
          {filtered ? " gefunden" : ""}
        </p>
      )}
      {result.items.length === 0 ? (
        <p className="empty-state">
          {empty}
          {firstPageLink && (
            <>
              {" "}
              {result.page > 1 && result.total > 0 && <Link href={pageHref(1)}>Zur ersten Seite</Link>}
            </>
          )}
        </p>
      ) : scrollLabel ? (
        <TableScroll label={scrollLabel}>{children}</TableScroll>
      ) : (
        <div className="table-scroll">{children}</div>
      )}
      {footer}
      <Pagination page={result.page} pageCount={result.pageCount} href={pageHref} locale="de" />
    </>
  );
}

// The results of a newsroom list: the count line, the table (scrolling sideways in the narrow
// newsroom column) or the empty state, and the pagination. The page passes its table as children
// and its own texts; the links to other pages keep the list's search and filters.
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/Pagination";
import { TableScroll } from "@/components/admin/TableScroll";
import { currentLocale } from "@/lib/desk-i18n";
import { listHref, type Page, type SearchParams } from "@/lib/editorial/listing";
// Its styles, so that any page using the component gets them (not only the ones that import it).
import "@/app/(desk)/admin/editorial.css";

export async function ListResults({
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
  /** The count line above the results, a status message ("1 Quelle", "3 Quellen gefunden"):
   * the count in words, from the page's catalogue (`{count, plural, ...}`). */
  count?: (total: number) => string;
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
  const [t, locale] = await Promise.all([getTranslations("desk.list"), currentLocale()]);
  // Above the desk's count limit a list says "more than 10,000" (lib/editorial/listing.ts).
  const countLine = count && (result.atLeast ? t("moreThan", { count: count(result.total) }) : count(result.total));
  // A one-time notice (?geloescht=1 after a delete) is not carried to other pages.
  const pageHref = (n: number) => listHref(path, params, { page: n > 1 ? n : undefined, geloescht: undefined });
  return (
    <>
      {countLine && (
        <p className="list-summary" role="status">
          {filtered ? t("found", { count: countLine }) : countLine}
        </p>
      )}
      {result.items.length === 0 ? (
        <p className="empty-state">
          {empty}
          {firstPageLink && (
            <>
              {" "}
              {result.page > 1 && result.total > 0 && <Link href={pageHref(1)}>{t("firstPage")}</Link>}
            </>
          )}
        </p>
      ) : scrollLabel ? (
        <TableScroll label={scrollLabel}>{children}</TableScroll>
      ) : (
        <div className="table-scroll">{children}</div>
      )}
      {footer}
      <Pagination page={result.page} pageCount={result.pageCount} href={pageHref} locale={locale} />
    </>
  );
}

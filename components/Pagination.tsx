import Link from "next/link";
import type { Dictionary } from "../lib/i18n";

/** Previous/next links for `?page=N` lists; `href(n)` builds the URL of page n. `label`
 * names the navigation when a page has more than one list. */
export function Pagination({
  page,
  pageCount,
  href,
  dict,
  label,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  dict: Dictionary;
  label?: string;
}) {
  if (pageCount <= 1 && page <= 1) return null;
  return (
    <nav className="pagination" aria-label={label ?? dict.pagination.label}>
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pageCount))} rel="prev">
          <span aria-hidden="true">←</span> {dict.pagination.previous}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{dict.pagination.pageOf(page, pageCount)}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next">
          {dict.pagination.next} <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

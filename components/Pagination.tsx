import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "../lib/i18n";

/** Previous/next links for `?page=N` lists; `href(n)` builds the URL of page n. `label`
 * names the navigation when a page has more than one list. */
export async function Pagination({
  page,
  pageCount,
  href,
  locale,
  label,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  locale: Locale;
  label?: string;
}) {
  if (pageCount <= 1 && page <= 1) return null;
  const t = await getTranslations({ locale, namespace: "pagination" });
  return (
    <nav className="pagination" aria-label={label ?? t("label")}>
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pageCount))} rel="prev">
          <span aria-hidden="true">←</span> {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{t("pageOf", { page, count: pageCount })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next">
          {t("next")} <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

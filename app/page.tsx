import Link from "next/link";
import { ClaimCard } from "@/components/ClaimCard";
import { Pagination } from "@/components/Pagination";
import { getDictionary } from "@/lib/i18n";
import { listPublishedClaims, parsePageNumber } from "@/lib/public";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = getDictionary();
  const page = parsePageNumber((await searchParams).page);
  const result = await listPublishedClaims({ page, pageSize: PAGE_SIZE });

  return (
    <>
      <h1>{t.home.title}</h1>
      <p className="lead">{t.home.intro}</p>
      {result.total === 0 ? (
        <p className="empty">{t.home.empty}</p>
      ) : result.items.length === 0 ? (
        <p className="empty">
          {t.home.emptyPage} <Link href="/">{t.home.backToFirst}</Link>
        </p>
      ) : (
        <ul className="claim-list">
          {result.items.map((claim) => (
            <li key={claim.slug}>
              <ClaimCard claim={claim} dict={t} />
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={result.pageCount}
        href={(n) => (n <= 1 ? "/" : `/?page=${n}`)}
        dict={t}
      />
    </>
  );
}

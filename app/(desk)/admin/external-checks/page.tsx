import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { PageHeader } from "@/components/admin/PageHeader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentLocale } from "@/lib/desk-i18n";
import { optionalChoice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";
import { listExternalChecks } from "@/lib/external-checks";
import { formatNumber } from "@/lib/format";
import { formatDay } from "@/lib/messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.externalChecks");
  return { title: t("title") };
}

const PATH = "/admin/external-checks";

export default async function ExternalChecksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("desk.view", PATH);
  const params = await searchParams;
  const q = param(params, "q");
  const linked = optionalChoice(params, "linked", ["yes", "no"] as const);
  const [result, t, tl, locale] = await Promise.all([
    listExternalChecks({ q, linked, page: pageParam(params) }),
    getTranslations("desk.externalChecks"),
    getTranslations("desk.list"),
    currentLocale(),
  ]);
  const filtered = q !== undefined || linked !== undefined;

  return (
    <>
      <PageHeader title={t("title")} newLink={can(user.role, "import.run") ? { href: "/admin/import", label: t("import") } : undefined} />
      <p>{t("intro")}</p>
      <ListFilters
        action={PATH}
        label={t("filter")}
        filtered={filtered}
        fields={[
          { name: "q", label: t("search"), type: "search", value: q },
          {
            name: "linked",
            label: t("linked"),
            emptyLabel: tl("all"),
            value: linked,
            options: [
              { value: "yes", label: t("linkedYes") },
              { value: "no", label: t("linkedNo") },
            ],
          },
        ]}
      />
      <ListResults
        path={PATH}
        params={params}
        result={result}
        count={(count) => t("count", { count })}
        filtered={filtered}
        empty={filtered ? t("emptyFiltered") : t("empty")}
        firstPageLink
      >
        <table className="admin-table">
          <caption className="visually-hidden">{t("caption", { page: result.page })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("claim")}</th>
              <th scope="col">{t("publisher")}</th>
              <th scope="col">{t("rating")}</th>
              <th scope="col">{t("claimant")}</th>
              <th scope="col">{t("reviewed")}</th>
              <th scope="col" className="number">
                {t("linked")}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link href={`${PATH}/${c.id}`} lang={c.language ?? undefined} translate={c.language ? undefined : "no"}>
                    {c.claimText.length > 160 ? `${c.claimText.slice(0, 160)} …` : c.claimText}
                  </Link>
                </th>
                <td translate="no">{c.publisherName}</td>
                <td lang={c.language ?? undefined} translate={c.language ? undefined : "no"}>
                  {[c.textualRating, c.ratingValue !== null ? `${c.ratingValue}${c.bestRating !== null ? `/${c.bestRating}` : ""}` : null].filter(Boolean).join(" · ") || "–"}
                </td>
                <td translate="no">{c.speaker ? <Link href={`/admin/speakers/${c.speaker.id}`}>{c.speaker.name}</Link> : (c.claimantName ?? "–")}</td>
                <td>{c.reviewDate ? <time dateTime={c.reviewDate.toISOString()}>{formatDay(c.reviewDate, locale)}</time> : "–"}</td>
                <td className="number">{formatNumber(c._count.claims, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListResults>
    </>
  );
}

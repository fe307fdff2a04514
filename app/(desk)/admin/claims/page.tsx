import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { Moment } from "@/components/admin/Moment";
import { PageHeader } from "@/components/admin/PageHeader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentLocale } from "@/lib/desk-i18n";
import { db } from "@/lib/db/client";
import { CLAIM_SORTS, CLAIM_STATUSES, claimFilterOptions, claimListQuery, listClaims } from "@/lib/editorial/claims";
import type { SearchParams } from "@/lib/editorial/listing";
import { isClaimStatus } from "@/lib/editorial/status";
import { formatNumber } from "@/lib/format";
import "./claims.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.claims");
  return { title: t("title") };
}

const PATH = "/admin/claims";

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("desk.view", PATH);
  const params = await searchParams;
  const query = claimListQuery(params);
  const locale = await currentLocale();
  const [page, options, t, tl, status] = await Promise.all([
    listClaims(query, user),
    // Speakers: a bounded list that holds the chosen claimant (lib/editorial/choices.ts).
    claimFilterOptions(db, locale, { speakerIds: [query.claimant] }),
    getTranslations("desk.claims"),
    getTranslations("desk.list"),
    getTranslations("status"),
  ]);
  const filtered = Boolean(query.q || query.status || query.assignee || query.claimant || query.topic || query.verdict);

  return (
    <div className="claim-desk">
      <PageHeader title={t("title")} newLink={can(user.role, "record.edit") ? { href: "/admin/claims/new", label: t("new") } : undefined} />

      <ListFilters
        action={PATH}
        label={t("filter")}
        className="claims-filter"
        idPrefix="claims"
        filtered={filtered}
        fields={[
          { name: "q", label: t("search"), type: "search", value: query.q },
          { name: "status", label: t("status"), emptyLabel: tl("all"), value: query.status, options: CLAIM_STATUSES.map((s) => ({ value: s, label: status(s) })) },
          {
            name: "assignee",
            label: t("assignee"),
            emptyLabel: tl("all"),
            value: query.assignee,
            options: [{ value: "me", label: t("assigneeMe") }, { value: "none", label: t("assigneeNone") }, ...options.users],
          },
          { name: "claimant", label: t("claimant"), emptyLabel: tl("all"), value: query.claimant, options: options.speakers },
          { name: "topic", label: t("topic"), emptyLabel: tl("all"), value: query.topic, options: options.topics },
          {
            name: "verdict",
            label: t("workingVerdict"),
            emptyLabel: tl("all"),
            value: query.verdict,
            options: [{ value: "none", label: t("noVerdict") }, ...options.verdicts],
          },
          { name: "sort", label: tl("sort"), value: query.sort, options: CLAIM_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) })) },
        ]}
      />

      <ListResults
        path={PATH}
        params={params}
        result={page}
        empty={filtered ? t("emptyFiltered") : page.page > 1 ? t("emptyPage") : t("empty")}
        footer={<p className="muted">{t("count", { count: page.total })}</p>}
      >
        <table className="admin-table">
          <caption className="visually-hidden">{t("caption", { count: page.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("claim")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("claimant")}</th>
              <th scope="col">{t("verdict")}</th>
              <th scope="col">{t("assignee")}</th>
              <th scope="col" className="number">
                {t("evidence")}
              </th>
              <th scope="col">{query.sort === "created" ? t("created") : t("changed")}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/admin/claims/${c.id}`} lang={c.language}>
                    {c.text}
                  </Link>
                </td>
                <td>
                  <span className={`status-badge status-badge--${c.status}`}>{status(c.status)}</span>
                  {c.publicState && c.publicState !== c.status && isClaimStatus(c.publicState) ? (
                    <span className="muted"> ({t("publicState", { state: status(c.publicState) })})</span>
                  ) : null}
                </td>
                <td>{c.claimant ? <span translate="no">{c.claimant}</span> : "–"}</td>
                <td>{c.verdict?.[locale] ?? "–"}</td>
                <td>{c.assignee ? <span translate="no">{c.assignee}</span> : "–"}</td>
                <td className="number">{formatNumber(c.evidenceCount, locale)}</td>
                <td>
                  <Moment date={query.sort === "created" ? c.createdAt : c.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListResults>
    </div>
  );
}

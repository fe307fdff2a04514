import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { Moment } from "@/components/admin/Moment";
import { PageHeader } from "@/components/admin/PageHeader";
import { QuickFilters } from "@/components/admin/QuickFilters";
import { SortHeader, type Sorting } from "@/components/admin/SortHeader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentLocale } from "@/lib/desk-i18n";
import { CLAIM_SORTING, CLAIM_STATUSES, claimFilterOptions, claimListQuery, listClaims, type ClaimSort } from "@/lib/editorial/claims";
import { listHref, sortQuery, type SearchParams } from "@/lib/editorial/listing";
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
    claimFilterOptions(undefined, locale, { speakerIds: [query.claimant] }),
    getTranslations("desk.claims"),
    getTranslations("desk.list"),
    getTranslations("status"),
  ]);
  const filtered = Boolean(query.q || query.status || query.assignee || query.author || query.mine || query.claimant || query.topic || query.verdict);
  const sorting: Sorting<ClaimSort> = { path: PATH, params, current: { sort: query.sort, dir: query.dir ?? CLAIM_SORTING.initial[query.sort] }, columns: CLAIM_SORTING };

  // The quick filters replace one another ("me" as the assignee is one of them); the other
  // filters, the search and the order stay.
  const assignedToMe = query.assignee === "me";
  const quick = (changes: Record<string, string | undefined>) =>
    listHref(PATH, params, { mine: undefined, author: undefined, assignee: assignedToMe ? undefined : query.assignee, page: undefined, ...changes });
  const quickFilters = [
    { href: quick({}), label: t("quick.all"), current: !query.mine && !query.author && !assignedToMe },
    { href: quick({ mine: "1" }), label: t("quick.mine"), current: Boolean(query.mine) && !query.author && !assignedToMe },
    { href: quick({ assignee: "me" }), label: t("quick.assigned"), current: assignedToMe && !query.mine && !query.author },
    { href: quick({ author: "me" }), label: t("quick.created"), current: query.author === "me" && !query.mine && !assignedToMe },
  ];

  return (
    <div className="claim-desk">
      <PageHeader title={t("title")} newLink={can(user.role, "record.edit") ? { href: "/admin/claims/new", label: t("new") } : undefined} />

      <QuickFilters label={t("quick.label")} filters={quickFilters} />

      <ListFilters
        action={PATH}
        label={t("filter")}
        className="claims-filter"
        idPrefix="claims"
        filtered={filtered}
        hidden={sortQuery(sorting.current, CLAIM_SORTING)}
        keep={{ ...(query.mine ? { mine: "1" } : {}), ...(query.author ? { author: query.author } : {}) }}
        fields={[
          { name: "q", label: t("search"), type: "search", value: query.q },
          {
            name: "status",
            label: t("status"),
            emptyLabel: tl("all"),
            value: query.status,
            options: [{ value: "open", label: t("statusOpen") }, ...CLAIM_STATUSES.map((s) => ({ value: s, label: status(s) }))],
          },
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
        ]}
      />

      <ListResults
        path={PATH}
        params={params}
        result={page}
        count={(count) => t("count", { count })}
        filtered={filtered}
        empty={filtered ? t("emptyFiltered") : page.page > 1 ? t("emptyPage") : t("empty")}
      >
        <table className="admin-table">
          <caption className="visually-hidden">{t("caption", { count: page.total })}</caption>
          <thead>
            <tr>
              <SortHeader sorting={sorting} column="text">
                {t("claim")}
              </SortHeader>
              <SortHeader sorting={sorting} column="status">
                {t("status")}
              </SortHeader>
              <SortHeader sorting={sorting} column="claimant">
                {t("claimant")}
              </SortHeader>
              <SortHeader sorting={sorting} column="verdict">
                {t("verdict")}
              </SortHeader>
              <SortHeader sorting={sorting} column="assignee">
                {t("assignee")}
              </SortHeader>
              <SortHeader sorting={sorting} column="evidence" className="number">
                {t("evidence")}
              </SortHeader>
              <SortHeader sorting={sorting} column="created">
                {t("created")}
              </SortHeader>
              <SortHeader sorting={sorting} column="updated">
                {t("changed")}
              </SortHeader>
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
                  <Moment date={c.createdAt} />
                </td>
                <td>
                  <Moment date={c.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListResults>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { countClaimsByStatus } from "@/lib/admin/dashboard";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { formatMoment, Moment } from "@/components/admin/Moment";
import { TableScroll } from "@/components/admin/TableScroll";
import { currentLocale } from "@/lib/desk-i18n";
import { overviewFor, STALE_AFTER_DAYS, type ChangedType } from "@/lib/editorial/overview";
import { formatNumber, NEWSROOM_TIME_ZONE } from "@/lib/format";
import { signOutAction } from "./actions";
import "./claims/claims.css";
import "./editorial.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

const RECORD_PATHS: Record<ChangedType, string> = {
  Claim: "/admin/claims",
  Quote: "/admin/quotes",
  Speaker: "/admin/speakers",
  Source: "/admin/sources",
  Article: "/admin/articles",
};

/** A claim of a section, linked to its workspace, in its own language. */
function ClaimLink({ claim }: { claim: { id: string; text: string; language: string } }) {
  return (
    <Link href={`/admin/claims/${claim.id}`} lang={claim.language}>
      {claim.text}
    </Link>
  );
}

/** A section's table: labelled (its caption, and the scrolling box), its column headers, its rows. */
function SectionTable({ label, columns, children }: { label: string; columns: (string | { label: string; number: true })[]; children: ReactNode }) {
  return (
    <TableScroll label={label}>
      <table className="admin-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {columns.map((c) =>
              typeof c === "string" ? (
                <th key={c} scope="col">
                  {c}
                </th>
              ) : (
                <th key={c.label} scope="col" className="number">
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}

/** The day of `date` in the newsroom's time zone, as the audit log's date filter takes it. */
const newsroomDay = (date: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: NEWSROOM_TIME_ZONE }).format(date);

// The newsroom's start page: the signed-in person's open claims, what others changed since
// their last visit (the visit is recorded here), drafts that have rested for a week, and the
// claims by status. Every section is bounded and links to the full list (lib/editorial/overview.ts).
export default async function AdminPage() {
  const user = await requireUser("/admin");
  const [t, ta, counts, overview, locale] = await Promise.all([
    getTranslations(),
    getTranslations("desk.audit"),
    countClaimsByStatus(),
    overviewFor(user),
    currentLocale(),
  ]);
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const { openWork, changed, stale } = overview;

  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p>{t("admin.signedInAs", { name: user.name, role: t(`role.${user.role}`) })}</p>

      <section aria-labelledby="open-work-heading" className="overview-section">
        <h2 id="open-work-heading">{t("admin.openWork")}</h2>
        <p className="muted">{t("admin.openWorkIntro")}</p>
        {openWork.items.length === 0 ? (
          <p className="empty-state">{t("admin.openWorkEmpty")}</p>
        ) : (
          <SectionTable label={t("admin.openWork")} columns={[t("admin.claim"), t("admin.status"), t("admin.yourPart"), t("admin.lastChange")]}>
            {openWork.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <ClaimLink claim={c} />
                </td>
                <td>
                  <span className={`status-badge status-badge--${c.status}`}>{t(`status.${c.status}`)}</span>
                </td>
                <td>{[c.assignedToMe && t("admin.assignedToYou"), c.createdByMe && t("admin.createdByYou")].filter(Boolean).join(", ")}</td>
                <td>
                  <Moment date={c.updatedAt} />
                </td>
              </tr>
            ))}
          </SectionTable>
        )}
        {openWork.total > 0 && (
          <p className="more">
            <Link href="/admin/claims?mine=1&status=open">{t("admin.allOpenWork", { count: openWork.total })}</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="changed-heading" className="overview-section">
        <h2 id="changed-heading">{t("admin.changed")}</h2>
        {changed === null ? (
          <p className="empty-state">{t("admin.changedFirstVisit")}</p>
        ) : (
          <>
            <p className="muted">{t("admin.changedSince", { moment: formatMoment(changed.since, locale) })}</p>
            {changed.items.length === 0 ? (
              <p className="empty-state">{t("admin.changedEmpty")}</p>
            ) : (
              <SectionTable
                label={t("admin.changed")}
                columns={[t("admin.record"), t("admin.lastChange"), t("admin.changedBy"), { label: t("admin.changeCount"), number: true }]}
              >
                {changed.items.map((r) => {
                  const name = r.label ?? (r.exists ? t("admin.untitled") : t("admin.deletedRecord"));
                  return (
                    <tr key={`${r.type}/${r.id}`}>
                      <td>
                        <span className="muted">{ta(`entity.${r.type}`)}: </span>
                        {r.exists ? (
                          <Link
                            href={`${RECORD_PATHS[r.type]}/${encodeURIComponent(r.id)}`}
                            lang={r.label ? (r.language ?? undefined) : undefined}
                            translate={r.label && !r.language ? "no" : undefined}
                          >
                            {name}
                          </Link>
                        ) : (
                          <span>{name}</span>
                        )}
                      </td>
                      <td>
                        {ta(`revisionAction.${r.action}`)}, <Moment date={r.at} />
                      </td>
                      <td>{r.by ? <span translate="no">{r.by}</span> : "–"}</td>
                      <td className="number">{formatNumber(r.changes, locale)}</td>
                    </tr>
                  );
                })}
              </SectionTable>
            )}
            {changed.total > changed.items.length &&
              (can(user.role, "audit.view") ? (
                <p className="more">
                  <Link href={`/admin/audit?log=changes&from=${newsroomDay(changed.since)}`}>{t("admin.changedAll")}</Link>
                </p>
              ) : (
                <p className="more muted">{t("admin.changedMore", { count: changed.total - changed.items.length })}</p>
              ))}
          </>
        )}
      </section>

      <section aria-labelledby="stale-heading" className="overview-section">
        <h2 id="stale-heading">{t("admin.stale")}</h2>
        <p className="muted">{t("admin.staleIntro", { days: STALE_AFTER_DAYS })}</p>
        {stale.items.length === 0 ? (
          <p className="empty-state">{t("admin.staleEmpty")}</p>
        ) : (
          <SectionTable label={t("admin.stale")} columns={[t("admin.claim"), t("admin.author"), t("admin.assignee"), t("admin.lastChange")]}>
            {stale.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <ClaimLink claim={c} />
                </td>
                <td>{c.author ? <span translate="no">{c.author}</span> : "–"}</td>
                <td>{c.assignee ? <span translate="no">{c.assignee}</span> : "–"}</td>
                <td>
                  <strong className="waiting-age">{t("admin.unchangedFor", { count: c.days })}</strong>
                  <br />
                  <Moment date={c.updatedAt} />
                </td>
              </tr>
            ))}
          </SectionTable>
        )}
        {stale.total > 0 && (
          <p className="more">
            <Link href="/admin/claims?status=draft&sort=updated&dir=asc">{t("admin.allDrafts")}</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="status-heading" className="overview-section">
        <h2 id="status-heading">{t("admin.claimsByStatus")}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col" className="number">
                {t("admin.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.status}>
                <th scope="row">{t(`status.${c.status}`)}</th>
                <td className="number">{formatNumber(c.count, locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("admin.total")}</th>
              <td className="number">{formatNumber(total, locale)}</td>
            </tr>
          </tfoot>
        </table>
      </section>

      <ActionForm action={signOutAction} submitLabel={t("admin.signOut")} className="signout-form" />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Moment } from "@/components/admin/Moment";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { Pagination } from "@/components/Pagination";
import { TableScroll } from "@/components/admin/TableScroll";
import { listHref, pageParam, type SearchParams } from "@/lib/editorial/listing";
import { REVIEW_GROUPS, reviewQueuePage, waitingTime } from "@/lib/editorial/review-queue";
import { currentLocale } from "@/lib/desk-i18n";
import { NEWSROOM_LANGUAGE } from "@/lib/i18n";
import { ExternalLinkStatus } from "@/components/admin/ExternalLinkStatus";
import { pendingExternalLinks } from "@/lib/external-checks";
import { approveLinkAction, unlinkClaimAction } from "../external-checks/actions";
import { workspaceHref } from "../claims/[id]/href";
import "../claims/claims.css";
import { formatNumber } from "@/lib/format";

export const dynamic = "force-dynamic";

const PATH = "/admin/review";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.review");
  return { title: t("title") };
}

// The review queue: every claim waiting for a second pair of eyes, what waits for the viewer
// first (assigned to them, or theirs to approve: lib/editorial/review-queue.ts), the longest
// waiting first within each group, with how long it has waited. Decisions are taken on the
// claim's Workflow tab, where the reviewer sees everything that would be published.
// Below them: links of other organisations' fact-checks to our claims that wait for an approval
// (new, or changed by an import since), approved right here.
export default async function ReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("desk.view", PATH);
  const params = await searchParams;
  const [queue, links] = await Promise.all([reviewQueuePage(user, pageParam(params)), pendingExternalLinks()]);
  const mayReview = can(user.role, "claim.review");
  const [t, tl, locale] = await Promise.all([getTranslations("desk.review"), getTranslations("desk.externalLink"), currentLocale()]);
  const now = new Date();
  const groups = REVIEW_GROUPS.map((group) => ({ group, items: queue.items.filter((c) => c.group === group) }));

  return (
    <div className="claim-desk">
      <h1>{t("title")}</h1>
      <p>{t(mayReview ? "intro" : "introReadOnly")}</p>
      {queue.items.length === 0 ? (
        <p className="empty-state">{queue.total === 0 ? t("empty") : t("emptyPage")}</p>
      ) : (
        <>
          <p className="list-summary" role="status">
            {queue.limited ? t("limited", { count: queue.total }) : t("count", { count: queue.total })}
          </p>
          {queue.page === 1 && queue.groups.forYou === 0 ? <p className="empty-state">{t("nothingForYou")}</p> : null}
          {groups
            .filter((g) => g.items.length > 0)
            .map(({ group, items }) => (
              <section key={group} aria-labelledby={`review-${group}`}>
                <h2 id={`review-${group}`}>{t(`group.${group}`, { count: queue.groups[group] })}</h2>
                <TableScroll label={t(`group.${group}`, { count: queue.groups[group] })}>
                  <table className="admin-table">
                    <caption className="visually-hidden">{t(`group.${group}`, { count: queue.groups[group] })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("claim")}</th>
                        <th scope="col">{t("verdict")}</th>
                        <th scope="col">{t("proposedBy")}</th>
                        <th scope="col">{t("submitted")}</th>
                        <th scope="col" className="number">
                          {t("evidence")}
                        </th>
                        <th scope="col">{t("note")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((c) => {
                        const waited = waitingTime(c.since, now);
                        return (
                          <tr key={c.id}>
                            <td>
                              <Link href={`${workspaceHref(c.id, "workflow")}#arbeitsablauf`} lang={c.language}>
                                {c.text}
                              </Link>
                              {c.claimant ? (
                                <span className="muted">
                                  {" – "}
                                  <span translate="no">{c.claimant}</span>
                                </span>
                              ) : null}
                            </td>
                            <td>
                              <strong>{c.verdict?.[locale] ?? "–"}</strong>
                              {c.summary ? (
                                <p className="muted" lang={NEWSROOM_LANGUAGE}>
                                  {c.summary}
                                </p>
                              ) : null}
                            </td>
                            <td>{c.proposedBy?.name ?? "–"}</td>
                            <td>
                              <strong className="waiting-age">{t(`waiting.${waited.unit}`, { count: waited.count })}</strong>
                              <br />
                              <Moment date={c.since} />
                              {c.submittedBy ? <span className="muted"> {t("by", { name: c.submittedBy })}</span> : null}
                            </td>
                            <td className="number">{formatNumber(c.evidenceCount, locale)}</td>
                            <td>
                              {c.isCorrection ? <p>{t("correction")}</p> : <p>{t("firstPublication")}</p>}
                              {c.assignedToViewer ? <p>{t("assignedToYou")}</p> : null}
                              {c.own ? <p className="review-own">{t("own")}</p> : null}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </TableScroll>
              </section>
            ))}
        </>
      )}
      <Pagination page={queue.page} pageCount={queue.pageCount} href={(n) => listHref(PATH, params, { page: n > 1 ? n : undefined })} locale={locale} />

      <h2 id="auch-geprueft-von">{tl("pendingHeading")}</h2>
      <p>{tl("pendingIntro")}</p>
      {links.length === 0 ? (
        <p className="empty-state">{tl("noPending")}</p>
      ) : (
        <ul className="item-list">
          {links.map((link) => (
            <li key={`${link.claim.id}/${link.externalCheck.id}`}>
              <Link href={`/admin/external-checks/${link.externalCheck.id}`} translate="no">
                {link.current.publisherName}
              </Link>
              :{" "}
              <span translate="no">
                {[link.current.textualRating, link.current.ratingValue !== null ? `${link.current.ratingValue}${link.current.bestRating !== null ? `/${link.current.bestRating}` : ""}` : null]
                  .filter(Boolean)
                  .join(" · ") || "–"}
              </span>
              {link.current.url ? (
                <>
                  {" "}
                  (<a href={link.current.url} rel="nofollow noopener noreferrer external">{link.current.url}</a>)
                </>
              ) : null}
              <br />
              {tl.rich("toClaim", {
                text: link.claim.text,
                claim: (chunks) => (
                  <Link href={`/admin/claims/${link.claim.id}#extern`} translate="no">
                    {chunks}
                  </Link>
                ),
              })}
              <ExternalLinkStatus link={link} user={user} actions={{ approve: approveLinkAction, unlink: unlinkClaimAction }} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

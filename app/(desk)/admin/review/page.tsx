import type { Metadata } from "next";
import Link from "next/link";
import { Moment } from "@/components/admin/Moment";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { reviewQueue } from "@/lib/editorial/claims";
import { ExternalLinkStatus } from "@/components/admin/ExternalLinkStatus";
import { pendingExternalLinks } from "@/lib/external-checks";
import { approveLinkAction, unlinkClaimAction } from "../external-checks/actions";
import "../claims/claims.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Prüfung" };

// The review queue: every claim waiting for a second pair of eyes, longest waiting first.
// Decisions are taken on the claim's page (Arbeitsablauf), where the reviewer sees everything
// that would be published. Below them: links of other organisations' fact-checks to our claims
// that wait for an approval (new, or changed by an import since), approved right here.
export default async function ReviewPage() {
  const user = await requirePermission("desk.view", "/admin/review");
  const [items, links] = await Promise.all([reviewQueue(user), pendingExternalLinks()]);
  const mayReview = can(user.role, "claim.review");

  return (
    <div className="claim-desk">
      <h1>Prüfung</h1>
      <p>
        Behauptungen, deren Bewertung auf eine Freigabe wartet, die am längsten wartende zuerst. Freigeben oder ablehnen können Sie auf der Seite
        der Behauptung{mayReview ? "" : " (das dürfen Redaktion und Prüfung)"}. Eine selbst vorgeschlagene Bewertung muss jemand anderes freigeben.
      </p>
      {items.length === 0 ? (
        <p className="empty-state">Nichts zu prüfen: keine Behauptung wartet auf eine Freigabe.</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Zur Prüfung eingereichte Behauptungen, {items.length}</caption>
          <thead>
            <tr>
              <th scope="col">Behauptung</th>
              <th scope="col">Vorgeschlagene Bewertung</th>
              <th scope="col">Vorgeschlagen von</th>
              <th scope="col">Eingereicht</th>
              <th scope="col" className="number">
                Belege
              </th>
              <th scope="col">Hinweis</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/admin/claims/${c.id}#arbeitsablauf`}>{c.text}</Link>
                  {c.claimant ? <span className="muted"> – {c.claimant}</span> : null}
                </td>
                <td>
                  <strong>{c.verdict ?? "–"}</strong>
                  {c.summary ? <p className="muted">{c.summary}</p> : null}
                </td>
                <td>{c.proposedBy?.name ?? "–"}</td>
                <td>
                  {c.since ? <Moment date={c.since} /> : "–"}
                  {c.submittedBy ? <span className="muted"> von {c.submittedBy}</span> : null}
                </td>
                <td className="number">{c.evidenceCount}</td>
                <td>
                  {c.isCorrection ? <p>Korrektur einer veröffentlichten Behauptung</p> : <p>Erstveröffentlichung</p>}
                  {c.own ? <p className="review-own">Ihr eigener Vorschlag: freigeben muss jemand anderes.</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="auch-geprueft-von">Auch geprüft von: Verknüpfungen, die auf Freigabe warten</h2>
      <p>
        Externe Faktenchecks, die mit unseren Behauptungen verknüpft wurden: öffentlich erst nach der Freigabe durch eine zweite Person, und so, wie
        sie freigegeben wurden.
      </p>
      {links.length === 0 ? (
        <p className="empty-state">Keine Verknüpfung wartet auf eine Freigabe.</p>
      ) : (
        <ul className="item-list">
          {links.map((link) => (
            <li key={`${link.claim.id}/${link.externalCheck.id}`}>
              <Link href={`/admin/external-checks/${link.externalCheck.id}`}>{link.current.publisherName}</Link>:{" "}
              {[link.current.textualRating, link.current.ratingValue !== null ? `${link.current.ratingValue}${link.current.bestRating !== null ? `/${link.current.bestRating}` : ""}` : null]
                .filter(Boolean)
                .join(" · ") || "–"}
              {link.current.url ? (
                <>
                  {" "}
                  (<a href={link.current.url} rel="nofollow noopener noreferrer external">{link.current.url}</a>)
                </>
              ) : null}
              <br />
              zu <Link href={`/admin/claims/${link.claim.id}#extern`}>{link.claim.text}</Link>
              <ExternalLinkStatus link={link} user={user} actions={{ approve: approveLinkAction, unlink: unlinkClaimAction }} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// A link of an external fact-check to one of our claims, as the desk shows it wherever it
// appears (the check's page, the claim's page, the review queue): public or waiting for a
// second person's approval, what changed since the approval, and the actions the person may
// take (approve what they see, unlink). A server component: the approve form carries the digest
// of the fields shown here, so what is approved is what the reviewer saw.
import { Fragment } from "react";
import { ActionForm } from "@/components/admin/ActionForm";
import { Moment } from "@/components/admin/Moment";
import type { FormAction } from "@/lib/actions/define";
import { can } from "@/lib/auth/permissions";
import { approvalRefusal, type DeskLink } from "@/lib/external-checks";
import { SNAPSHOT_FIELDS, type ExternalCheckSnapshot } from "@/lib/external-checks/snapshot";
import type { Role } from "@/lib/generated/prisma/enums";

const FIELD_NAMES: Record<keyof ExternalCheckSnapshot, string> = {
  publisherName: "Herausgeber",
  publisherSite: "Website",
  url: "Adresse",
  title: "Titel",
  textualRating: "Bewertung",
  ratingValue: "Bewertung (Zahl)",
  bestRating: "beste Bewertung",
  worstRating: "schlechteste Bewertung",
  reviewDate: "Geprüft am",
  language: "Sprache",
};

const shown = (value: unknown) => (value === null || value === undefined || value === "" ? "–" : String(value));

/** The server actions of the external checks' pages (app/(desk)/admin/external-checks/actions.ts). */
export interface ExternalLinkActions {
  approve: FormAction;
  unlink: FormAction;
}

export function ExternalLinkStatus({ link, user, actions }: { link: DeskLink; user: { id: string; role: Role }; actions: ExternalLinkActions }) {
  const refusal = approvalRefusal(user, link.linkedBy?.id ?? null);
  const mayUnlink = can(user.role, "external.link");
  const visible = link.claim.isPublic ? "öffentlich" : "freigegeben (öffentlich, sobald die Behauptung veröffentlicht ist)";
  return (
    <div className="external-link-status">
      <p className="muted">
        verknüpft von {link.linkedBy?.name ?? "–"}, <Moment date={link.createdAt} />
        {link.approvedAt ? (
          <>
            ; freigegeben von {link.approvedBy?.name ?? "–"}, <Moment date={link.approvedAt} />
          </>
        ) : null}
      </p>
      {link.state === "approved" ? (
        <p>Status: {visible}.</p>
      ) : link.state === "pending" ? (
        <>
          <p className="notice">Wartet auf Freigabe: nicht öffentlich, bis eine zweite Person die Verknüpfung freigibt. Öffentlich gezeigt würde:</p>
          <dl className="facts">
            {SNAPSHOT_FIELDS.map((f) => (
              <Fragment key={f}>
                <dt>{FIELD_NAMES[f]}</dt>
                <dd>{shown(link.current[f])}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      ) : (
        <>
          <p className="notice">
            Seit der Freigabe geändert (etwa durch einen Import): die öffentliche Seite zeigt weiter die freigegebene Fassung, bis eine zweite Person
            die neue freigibt.
          </p>
          <table className="admin-table">
            <caption className="visually-hidden">Geänderte Angaben</caption>
            <thead>
              <tr>
                <th scope="col">Angabe</th>
                <th scope="col">Freigegeben (öffentlich)</th>
                <th scope="col">Jetzt</th>
              </tr>
            </thead>
            <tbody>
              {link.changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row">{FIELD_NAMES[c.field]}</th>
                  <td>{shown(c.before)}</td>
                  <td>{shown(c.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {link.state !== "approved" ? (
        refusal === null ? (
          <ActionForm
            action={actions.approve}
            hidden={{ externalCheckId: link.externalCheck.id, claimId: link.claim.id, digest: link.digest }}
            submitLabel={link.state === "pending" ? "Verknüpfung freigeben" : "Neue Fassung freigeben"}
            className="admin-form admin-form--inline"
          />
        ) : (
          <p className="muted">{refusal}</p>
        )
      ) : null}
      {mayUnlink ? (
        <ActionForm
          action={actions.unlink}
          hidden={{ externalCheckId: link.externalCheck.id, claimId: link.claim.id }}
          submitLabel="Verknüpfung lösen"
          confirm={
            link.state !== "pending" && link.claim.isPublic
              ? "Die öffentliche Seite der Behauptung zeigt den Faktencheck dann sofort nicht mehr. Verknüpfung lösen?"
              : undefined
          }
          className="admin-form admin-form--inline"
        />
      ) : null}
    </div>
  );
}

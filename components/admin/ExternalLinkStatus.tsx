// A link of an external fact-check to one of our claims, as the desk shows it wherever it
// appears (the check's page, the claim's page, the review queue): public or waiting for a
// second person's approval, what changed since the approval, and the actions the person may
// take (approve what they see, unlink). A server component: the approve form carries the digest
// of the fields shown here, so what is approved is what the reviewer saw.
import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { Moment } from "@/components/admin/Moment";
import type { FormAction } from "@/lib/actions/define";
import { can } from "@/lib/auth/permissions";
import { getMessageText } from "@/lib/desk-i18n";
import { approvalRefusal, type DeskLink } from "@/lib/external-checks";
import { SNAPSHOT_FIELDS } from "@/lib/external-checks/snapshot";
import type { Role } from "@/lib/auth/permissions";

// The publisher's values: content of the fact-check (their language), shown as they are.
const shown = (value: unknown) => (value === null || value === undefined || value === "" ? "–" : String(value));

/** The server actions of the external checks' pages (app/(desk)/admin/external-checks/actions.ts). */
export interface ExternalLinkActions {
  approve: FormAction;
  unlink: FormAction;
}

export async function ExternalLinkStatus({ link, user, actions }: { link: DeskLink; user: { id: string; role: Role }; actions: ExternalLinkActions }) {
  const [t, text] = await Promise.all([getTranslations("desk.externalLink"), getMessageText()]);
  const refusal = approvalRefusal(user, link.linkedBy?.id ?? null);
  const mayUnlink = can(user.role, "external.link");
  return (
    <div className="external-link-status">
      <p className="muted">
        {t("linkedBy", { name: link.linkedBy?.name ?? "–" })}, <Moment date={link.createdAt} />
        {link.approvedAt ? (
          <>
            ; {t("approvedBy", { name: link.approvedBy?.name ?? "–" })}, <Moment date={link.approvedAt} />
          </>
        ) : null}
      </p>
      {link.state === "approved" ? (
        <p>{t(link.claim.isPublic ? "public" : "approvedNotYetPublic")}</p>
      ) : link.state === "pending" ? (
        <>
          <p className="notice">{t("pending")}</p>
          <dl className="facts">
            {SNAPSHOT_FIELDS.map((f) => (
              <Fragment key={f}>
                <dt>{t(`fieldName.${f}`)}</dt>
                <dd translate="no">{shown(link.current[f])}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      ) : (
        <>
          <p className="notice">{t("changed")}</p>
          <table className="admin-table">
            <caption className="visually-hidden">{t("changesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("field")}</th>
                <th scope="col">{t("approvedColumn")}</th>
                <th scope="col">{t("now")}</th>
              </tr>
            </thead>
            <tbody>
              {link.changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row">{t(`fieldName.${c.field}`)}</th>
                  <td translate="no">{shown(c.before)}</td>
                  <td translate="no">{shown(c.after)}</td>
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
            submitLabel={t(link.state === "pending" ? "approve" : "approveNew")}
            className="admin-form admin-form--inline"
          />
        ) : (
          <p className="muted">{text(refusal)}</p>
        )
      ) : null}
      {mayUnlink ? (
        <ActionForm
          action={actions.unlink}
          hidden={{ externalCheckId: link.externalCheck.id, claimId: link.claim.id }}
          submitLabel={t("unlink")}
          confirm={link.state !== "pending" && link.claim.isPublic ? t("unlinkConfirm") : undefined}
          className="admin-form admin-form--inline"
        />
      ) : null}
    </div>
  );
}

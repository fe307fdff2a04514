// The claim workspace's header, above its tabs and the same on each: the claim's workflow state
// (status, public state, assignee, author, version), the changes readers do not see yet, and the
// next step(s) (lib/editorial/workspace.ts nextSteps): a step that takes one click is a button
// here; one that needs a note or a corrected verdict links to its form in the Workflow tab; a
// step the viewer cannot take now is a disabled button with the reason. Every other step is in
// the Workflow tab. The server checks each step again (lib/editorial/workflow.ts).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { Moment } from "@/components/admin/Moment";
import { currentLocale, getMessageText } from "@/lib/desk-i18n";
import { localeHref } from "@/lib/i18n";
import { isClaimStatus } from "@/lib/editorial/status";
import type { ClaimWorkspace } from "@/lib/editorial/workspace";
import { workspaceHref } from "./href";
import { STEP_ACTIONS } from "./steps";

export async function ClaimHeader({ workspace }: { workspace: ClaimWorkspace }) {
  const { claim, next, pending, digest } = workspace;
  const [t, w, wf, tp, status, text, locale] = await Promise.all([
    getTranslations("desk.claim"),
    getTranslations("desk.workspace"),
    getTranslations("desk.workflow"),
    getTranslations("publication"),
    getTranslations("status"),
    getMessageText(),
    currentLocale(),
  ]);
  const workflowTab = (anchor?: string) => `${workspaceHref(claim.id, "workflow")}${anchor ? `#${anchor}` : ""}`;

  return (
    <section className="claim-header" aria-labelledby="claim-header-heading">
      <h2 id="claim-header-heading" className="visually-hidden">
        {w("header")}
      </h2>
      <ul className="claim-meta">
        <li>
          {t("status")} <span className={`status-badge status-badge--${claim.status}`}>{status(claim.status)}</span>
        </li>
        {claim.publicState && isClaimStatus(claim.publicState) ? (
          <li>
            {t("public", { state: status(claim.publicState) })} – <Link href={localeHref(locale, `/claims/${claim.slug}`)}>{t("viewPublic")}</Link>
          </li>
        ) : (
          <li>{t("notPublic")}</li>
        )}
        <li>{t("assignee", { name: claim.assignee?.name ?? t("nobody") })}</li>
        <li>
          {t("createdBy", { name: claim.createdBy?.name ?? "–" })} <Moment date={claim.createdAt} />
        </li>
        <li>
          {t("versionChanged", { version: claim.version })} <Moment date={claim.updatedAt} /> –{" "}
          <Link href={workspaceHref(claim.id, "history")}>{t("history")}</Link>
        </li>
      </ul>

      {pending && pending.parts.length > 0 ? (
        <div className="claim-lock" role="status">
          <strong>{tp("pendingTitle")}</strong>{" "}
          {tp(claim.status === "in_review" ? "pendingReview" : "pendingText", {
            parts: pending.parts.map((part) => tp(`parts.${part}`)).join(", "),
          })}
        </div>
      ) : null}

      <div className="claim-next">
        <p className="claim-next__label">{w("nextStep")}</p>
        {next.length === 0 ? (
          <p className="claim-next__none">{wf("none")}</p>
        ) : (
          <ul className="claim-next__steps">
            {next.map(({ option, kind }) => {
              const label = wf(`step.${option.transition}`);
              if (kind === "form") {
                return (
                  <li key={option.transition}>
                    <Link className="button button--secondary" href={workflowTab(`workflow-${option.transition}`)}>
                      {w("stepInWorkflow", { step: label })}
                    </Link>
                  </li>
                );
              }
              if (!option.allowed) {
                const reasonId = `next-${option.transition}-reason`;
                return (
                  <li key={option.transition}>
                    <button type="button" className="workflow-option__disabled" disabled aria-describedby={reasonId}>
                      {label}
                    </button>
                    <p id={reasonId} className="workflow-option__reason">
                      {option.reason ? text(option.reason) : null}
                    </p>
                  </li>
                );
              }
              return (
                <li key={option.transition}>
                  <ActionForm
                    action={STEP_ACTIONS[option.transition]}
                    submitLabel={label}
                    version={claim.version}
                    hidden={option.transition === "approve" && digest ? { claimId: claim.id, contentDigest: digest } : { claimId: claim.id }}
                    className="admin-form claim-next__form"
                  />
                </li>
              );
            })}
          </ul>
        )}
        <p className="claim-next__all">
          <Link href={workflowTab()}>{w("allSteps")}</Link>
        </p>
      </div>
    </section>
  );
}

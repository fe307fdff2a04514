// "Arbeitsablauf": one entry per workflow step that applies to the claim now. A step the user
// may take is a form posting to that step's action (with the note and, for a correction, the
// proposed verdict it needs); a step they may not take is a disabled button with the reason.
// The server checks everything again (lib/editorial/workflow.ts): the buttons only explain.
// Each step's item has the id workflow-<step>: the workspace's header links to it.
// The steps' names and hints are in the catalogue (desk.workflow); the reasons are the domain's
// Messages.
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { Select, TextArea } from "@/components/admin/Fields";
import type { FormAction } from "@/lib/actions/define";
import { getMessageText } from "@/lib/desk-i18n";
import type { Option } from "@/lib/editorial/claims";
import type { Transition, TransitionOption } from "@/lib/editorial/workflow";

export interface PublishedValues {
  verdictId: string | null;
  summary: string | null;
  analysis: string | null;
}

/** The steps that explain themselves beside their button (catalogue desk.workflow.hint.*). */
const HINTED: ReadonlySet<Transition> = new Set(["start_research", "back_to_draft", "submit", "withdraw", "approve", "reject", "propose_correction", "retract"]);

export async function WorkflowPanel({
  claimId,
  version,
  options,
  actions,
  verdicts,
  published,
  contentDigest,
}: {
  claimId: string;
  version: number;
  options: TransitionOption[];
  actions: Record<Transition, FormAction>;
  verdicts: Option[];
  published: PublishedValues;
  /** For the approve form: what the reviewer sees (lib/editorial/publication.ts approvalDigest). */
  contentDigest?: string;
}) {
  const [t, text] = await Promise.all([getTranslations("desk.workflow"), getMessageText()]);
  if (options.length === 0) return <p className="empty-state">{t("none")}</p>;
  return (
    <ul className="workflow-options">
      {options.map((option) => {
        const reasonId = `workflow-${option.transition}-reason`;
        const hintId = `workflow-${option.transition}-hint`;
        const label = t(`step.${option.transition}`);
        if (!option.allowed) {
          return (
            <li key={option.transition} id={`workflow-${option.transition}`}>
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
          <li key={option.transition} id={`workflow-${option.transition}`}>
            {HINTED.has(option.transition) ? (
              <p id={hintId} className="field__hint">
                {t(`hint.${option.transition}`)}
              </p>
            ) : null}
            <ActionForm
              action={actions[option.transition]}
              submitLabel={label}
              version={version}
              hidden={option.transition === "approve" && contentDigest ? { claimId, contentDigest } : { claimId }}
              className="admin-form workflow-form"
              confirm={option.transition === "retract" ? t("retractConfirm") : undefined}
            >
              <StepFields transition={option.transition} verdicts={verdicts} published={published} />
            </ActionForm>
          </li>
        );
      })}
    </ul>
  );
}

async function StepFields({ transition, verdicts, published }: { transition: Transition; verdicts: Option[]; published: PublishedValues }) {
  const t = await getTranslations("desk.workflow.fields");
  switch (transition) {
    case "approve":
      return <TextArea idPrefix="approve" name="note" label={t("approveNote")} rows={2} />;
    case "reject":
      return <TextArea idPrefix="reject" name="note" label={t("rejectNote")} required rows={3} hint={t("rejectNoteHint")} />;
    case "retract":
      return <TextArea idPrefix="retract" name="note" label={t("retractNote")} required rows={3} hint={t("retractNoteHint")} />;
    case "propose_correction":
      return (
        <>
          <Select idPrefix="correction" name="verdictId" label={t("correctionVerdict")} required defaultValue={published.verdictId} options={verdicts} />
          <TextArea idPrefix="correction" name="summary" label={t("correctionSummary")} required rows={3} defaultValue={published.summary} />
          <TextArea idPrefix="correction" name="analysis" label={t("correctionAnalysis")} rows={10} defaultValue={published.analysis} />
          <TextArea idPrefix="correction" name="note" label={t("correctionNote")} required rows={3} hint={t("correctionNoteHint")} />
        </>
      );
    default:
      return null;
  }
}

// "Arbeitsablauf": one entry per workflow step that applies to the claim now. A step the user
// may take is a form posting to that step's action (with the note and, for a correction, the
// proposed verdict it needs); a step they may not take is a disabled button with the reason.
// The server checks everything again (lib/editorial/workflow.ts): the buttons only explain.
import { ActionForm } from "@/components/admin/ActionForm";
import { Select, TextArea } from "@/components/admin/Fields";
import type { FormAction } from "@/lib/actions/define";
import type { Option } from "@/lib/editorial/claims";
import type { Transition, TransitionOption } from "@/lib/editorial/workflow";

export interface PublishedValues {
  verdictId: string | null;
  summary: string | null;
  analysis: string | null;
}

const HINTS: Partial<Record<Transition, string>> = {
  start_research: "Die Behauptung wird recherchiert; Bewertung und Belege können ergänzt werden.",
  back_to_draft: "Zurück in den Entwurf, etwa wenn die Behauptung erst umformuliert werden muss.",
  submit: "Eine zweite Person prüft die vorgeschlagene Bewertung, Zusammenfassung und Belege. Bis dahin bleiben sie unverändert.",
  withdraw: "Holt die Behauptung aus der Prüfung zurück in die Recherche, um sie zu ändern.",
  approve:
    "Veröffentlicht die vorgeschlagene Bewertung mit Zusammenfassung, Analyse und Belegen, und hält fest, was die öffentliche Seite zeigt: Zitate, Quellen, Belege und Angaben so, wie sie jetzt sind.",
  reject: "Die Behauptung geht mit Ihrer Begründung zurück in die Recherche.",
  propose_correction:
    "Eine Korrektur ändert Bewertung, Zusammenfassung oder Analyse der veröffentlichten Fassung, oder bringt Änderungen an Zitaten, Quellen, Belegen und Angaben an die Öffentlichkeit. Sie braucht eine öffentliche, datierte Notiz und eine neue Freigabe; bis dahin bleibt die bisherige Fassung öffentlich.",
  retract: "Die öffentliche Seite bleibt mit einem Hinweis auf den Rückzug erhalten. Das lässt sich nicht rückgängig machen.",
};

export function WorkflowPanel({
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
  if (options.length === 0) return <p className="empty-state">In diesem Stand gibt es keinen weiteren Arbeitsschritt.</p>;
  return (
    <ul className="workflow-options">
      {options.map((option) => {
        const reasonId = `workflow-${option.transition}-reason`;
        const hintId = `workflow-${option.transition}-hint`;
        const hint = HINTS[option.transition];
        if (!option.allowed) {
          return (
            <li key={option.transition}>
              <button type="button" className="workflow-option__disabled" disabled aria-describedby={reasonId}>
                {option.label}
              </button>
              <p id={reasonId} className="workflow-option__reason">
                {option.reason}
              </p>
            </li>
          );
        }
        return (
          <li key={option.transition}>
            {hint ? (
              <p id={hintId} className="field__hint">
                {hint}
              </p>
            ) : null}
            <ActionForm
              action={actions[option.transition]}
              submitLabel={option.label}
              version={version}
              hidden={option.transition === "approve" && contentDigest ? { claimId, contentDigest } : { claimId }}
              className="admin-form workflow-form"
              confirm={option.transition === "retract" ? "Die Behauptung wirklich zurückziehen? Das lässt sich nicht rückgängig machen." : undefined}
            >
              <StepFields transition={option.transition} verdicts={verdicts} published={published} />
            </ActionForm>
          </li>
        );
      })}
    </ul>
  );
}

function StepFields({ transition, verdicts, published }: { transition: Transition; verdicts: Option[]; published: PublishedValues }) {
  switch (transition) {
    case "approve":
      return <TextArea idPrefix="approve" name="note" label="Notiz zur Freigabe (intern, optional)" rows={2} />;
    case "reject":
      return (
        <TextArea
          idPrefix="reject"
          name="note"
          label="Begründung der Ablehnung"
          required
          rows={3}
          hint="Was fehlt oder geändert werden muss. Die Redaktion sieht die Notiz; öffentlich wird sie nicht."
        />
      );
    case "retract":
      return (
        <TextArea
          idPrefix="retract"
          name="note"
          label="Öffentliche Begründung des Rückzugs"
          required
          rows={3}
          hint="Erscheint mit Datum auf der öffentlichen Seite."
        />
      );
    case "propose_correction":
      return (
        <>
          <Select
            idPrefix="correction"
            name="verdictId"
            label="Bewertung (korrigiert)"
            required
            defaultValue={published.verdictId}
            options={verdicts}
          />
          <TextArea idPrefix="correction" name="summary" label="Zusammenfassung (korrigiert)" required rows={3} defaultValue={published.summary} />
          <TextArea
            idPrefix="correction"
            name="analysis"
            label="Analyse (korrigiert, Markdown)"
            rows={10}
            defaultValue={published.analysis}
          />
          <TextArea
            idPrefix="correction"
            name="note"
            label="Öffentliche Korrekturnotiz"
            required
            rows={3}
            hint="Was wurde korrigiert und warum. Erscheint mit Datum auf der öffentlichen Seite, sobald die Korrektur freigegeben ist."
          />
        </>
      );
    default:
      return null;
  }
}

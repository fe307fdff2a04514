"use client";
// Confirming an import's preview: the options of the write (all or nothing, which unmatched
// claimants become speakers), then the write itself, with its progress while it runs.
import { useActionState } from "react";
import type { FormAction } from "@/lib/actions/define";
import { IDLE } from "@/lib/actions/state";
import { ImportProgress } from "./ImportProgress";

export function ConfirmImportForm({
  action,
  batchId,
  version,
  total,
  unknownClaimants,
  moreClaimants,
  submitLabel,
  hasInvalid,
}: {
  action: FormAction;
  batchId: string;
  version: number;
  total: number;
  unknownClaimants: { name: string; rows: number }[];
  moreClaimants: boolean;
  submitLabel: string;
  hasInvalid: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="admin-form">
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="version" value={version} />
      {state.status === "ok" ? (
        <div role="status" aria-live="polite" className="form-status form-status--ok">
          {state.message}
        </div>
      ) : state.status === "error" ? (
        <div role="alert" className="form-status form-status--error">
          <p>{state.message}</p>
        </div>
      ) : null}
      <div className="field field--checkbox">
        <input type="checkbox" id="import-all-or-nothing" name="allOrNothing" />
        <label htmlFor="import-all-or-nothing">
          Alles oder nichts: nichts importieren, wenn ein Eintrag fehlerhaft ist oder beim Schreiben abgelehnt wird
          {hasInvalid ? " (die Vorschau hat fehlerhafte Einträge: so würde nichts importiert)" : ""}
        </label>
      </div>
      {unknownClaimants.length ? (
        <fieldset>
          <legend>Urheber ohne passenden Sprecher</legend>
          <p className="field__hint">Neue Sprecher entstehen nur, wenn Sie es hier bestätigen; sonst bleibt der Name am Faktencheck stehen.</p>
          <div className="field field--checkbox">
            <input type="radio" id="speakers-none" name="createSpeakers" value="none" defaultChecked />
            <label htmlFor="speakers-none">Keine neuen Sprecher anlegen</label>
          </div>
          <div className="field field--checkbox">
            <input type="radio" id="speakers-listed" name="createSpeakers" value="listed" />
            <label htmlFor="speakers-listed">Nur die angekreuzten Namen als neue Sprecher anlegen:</label>
          </div>
          <ul className="import-claimants">
            {unknownClaimants.map((c, i) => (
              <li key={c.name} className="field field--checkbox">
                <input type="checkbox" id={`claimant-${i}`} name="speakerNames[]" value={c.name} />
                <label htmlFor={`claimant-${i}`}>
                  {c.name} <span className="muted">({c.rows.toLocaleString("de-DE")})</span>
                </label>
              </li>
            ))}
          </ul>
          <div className="field field--checkbox">
            <input type="radio" id="speakers-all" name="createSpeakers" value="all" />
            <label htmlFor="speakers-all">Alle Urheber ohne passenden Sprecher anlegen{moreClaimants ? " (auch die hier nicht aufgeführten)" : ""}</label>
          </div>
        </fieldset>
      ) : null}
      {pending ? <ImportProgress id={batchId} status="importing" processed={0} total={total} label="Geschrieben" /> : null}
      <div className="admin-form__actions">
        <button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Wird importiert …" : submitLabel}
        </button>
      </div>
    </form>
  );
}

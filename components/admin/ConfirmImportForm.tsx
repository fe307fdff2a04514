"use client";
// Confirming an import's preview: the options of the write (all or nothing, which unmatched
// claimants become speakers), then the write itself, with its progress while it runs.
import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { FormAction } from "@/lib/actions/define";
import { IDLE } from "@/lib/actions/state";
import { ImportProgress } from "./ImportProgress";
import { useMessageText } from "./useMessageText";

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
  const t = useTranslations("desk.importForm");
  const text = useMessageText();
  const format = useFormatter();
  return (
    <form action={formAction} className="admin-form">
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="version" value={version} />
      {state.status === "ok" ? (
        <div role="status" aria-live="polite" className="form-status form-status--ok">
          {text(state.message)}
        </div>
      ) : state.status === "error" ? (
        <div role="alert" className="form-status form-status--error">
          <p>{text(state.message)}</p>
        </div>
      ) : null}
      <div className="field field--checkbox">
        <input type="checkbox" id="import-all-or-nothing" name="allOrNothing" />
        <label htmlFor="import-all-or-nothing">
          {t("allOrNothing")}
          {hasInvalid ? ` ${t("hasInvalid")}` : ""}
        </label>
      </div>
      {unknownClaimants.length ? (
        <fieldset>
          <legend>{t("claimants")}</legend>
          <p className="field__hint">{t("claimantsHint")}</p>
          <div className="field field--checkbox">
            <input type="radio" id="speakers-none" name="createSpeakers" value="none" defaultChecked />
            <label htmlFor="speakers-none">{t("speakersNone")}</label>
          </div>
          <div className="field field--checkbox">
            <input type="radio" id="speakers-listed" name="createSpeakers" value="listed" />
            <label htmlFor="speakers-listed">{t("speakersListed")}</label>
          </div>
          <ul className="import-claimants">
            {unknownClaimants.map((c, i) => (
              <li key={c.name} className="field field--checkbox">
                <input type="checkbox" id={`claimant-${i}`} name="speakerNames[]" value={c.name} />
                <label htmlFor={`claimant-${i}`}>
                  <span translate="no">{c.name}</span> <span className="muted">({format.number(c.rows)})</span>
                </label>
              </li>
            ))}
          </ul>
          <div className="field field--checkbox">
            <input type="radio" id="speakers-all" name="createSpeakers" value="all" />
            <label htmlFor="speakers-all">{t(moreClaimants ? "speakersAllMore" : "speakersAll")}</label>
          </div>
        </fieldset>
      ) : null}
      {pending ? <ImportProgress id={batchId} status="importing" processed={0} total={total} /> : null}
      <div className="admin-form__actions">
        <button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("importing") : submitLabel}
        </button>
      </div>
    </form>
  );
}

// The fields of a claim (new and edit forms): text, language, claimant, date, topics, quotes,
// source passages and the structured quantity. Text, language and claimant of a claim that was
// ever published are shown, not edited (they are sent unchanged, so the save keeps them).
import type { ReactNode } from "react";
import { GroupErrors, Select, TextArea, TextField } from "@/components/admin/Fields";
import type { ClaimFormOptions } from "@/lib/editorial/claims";

export interface ClaimFieldValues {
  text?: string;
  language?: string;
  claimantId?: string | null;
  claimDate?: Date | null;
  topicIds?: string[];
  quoteIds?: string[];
  passages?: { sourceId: string; start: number; end: number; preview?: string }[];
  quantityValue?: string | null;
  quantityUnit?: string | null;
  quantitySubject?: string | null;
  quantityMeasure?: string | null;
  quantityAsOf?: string | null;
  researchNotes?: string | null;
}

export function ClaimFields({
  values,
  options,
  fixed,
  textExtra,
}: {
  values: ClaimFieldValues;
  options: ClaimFormOptions;
  /** Why text, language and claimant cannot change (the claim was published); null: editable. */
  fixed?: string | null;
  /** Shown below the text field (similar claims). */
  textExtra?: ReactNode;
}) {
  const passages = values.passages ?? [];
  const claimantName = options.speakers.find((s) => s.value === values.claimantId)?.label;
  const chosen = (list: { value: string; label: string }[], ids: string[] | undefined) => {
    const labels = list.filter((o) => ids?.includes(o.value)).map((o) => o.label);
    return labels.length ? `Ausgewählt: ${labels.join("; ")}.` : "Ausgewählt: keine.";
  };
  return (
    <>
      {fixed ? (
        <div className="field">
          <input type="hidden" name="text" value={values.text ?? ""} />
          <input type="hidden" name="language" value={values.language ?? "de"} />
          <input type="hidden" name="claimantId" value={values.claimantId ?? ""} />
          <p className="claim-lock">{fixed}</p>
          <dl>
            <dt>Text</dt>
            <dd lang={values.language}>{values.text}</dd>
            <dt>Sprache</dt>
            <dd>{values.language}</dd>
            <dt>Urheber</dt>
            <dd>{claimantName ?? "–"}</dd>
          </dl>
        </div>
      ) : (
        <>
          <TextArea
            name="text"
            label="Behauptung (neutral formuliert)"
            required
            rows={3}
            defaultValue={values.text}
            hint="Eine prüfbare Aussage in neutralen Worten, in ihrer Originalsprache."
          />
          {textExtra}
          <TextField name="language" label="Sprache" defaultValue={values.language ?? "de"} hint="Sprachkürzel, z. B. de oder en." maxLength={10} />
          <Select name="claimantId" label="Urheber" defaultValue={values.claimantId ?? ""} options={options.speakers} emptyLabel="– unbekannt –" />
        </>
      )}
      <TextField name="claimDate" label="Geäußert am" type="date" defaultValue={values.claimDate ? values.claimDate.toISOString().slice(0, 10) : ""} />
      <Select
        name="topicIds"
        label="Themen"
        multiple
        defaultValue={values.topicIds ?? []}
        options={options.topics}
        hint={`Mehrfachauswahl mit Strg- bzw. Cmd-Taste. ${chosen(options.topics, values.topicIds)}`}
      />
      <Select
        name="quoteIds"
        label="Zitate, aus denen die Behauptung stammt"
        multiple
        defaultValue={values.quoteIds ?? []}
        options={options.quotes}
        hint={`Sprecher und Anfang des Zitats. Mehrfachauswahl mit Strg- bzw. Cmd-Taste. ${chosen(options.quotes, values.quoteIds)}`}
      />

      <fieldset className="passage-rows" aria-describedby="passages-hint passages-error">
        <legend>Textstellen in Quellen</legend>
        <span className="field__hint" id="passages-hint">
          Wo die Behauptung im gespeicherten Text einer Quelle steht: Anfang und Ende als Zeichenposition (Ende ausschließlich). Zum Entfernen die Quelle leeren.
        </span>
        <GroupErrors name="passages" id="passages-error" />
        {[...passages, { sourceId: "", start: undefined, end: undefined, preview: undefined }].map((p, i) => (
          <div key={i} className="passage-row-group">
            <div className="passage-row" role="group" aria-label={`Textstelle ${i + 1}`}>
              <Select name={`passage${i}SourceId`} label={`Quelle (Textstelle ${i + 1})`} defaultValue={p.sourceId} options={options.sources} emptyLabel="– keine –" />
              <TextField name={`passage${i}Start`} label="Anfang" type="number" defaultValue={p.start === undefined ? "" : String(p.start)} />
              <TextField name={`passage${i}End`} label="Ende" type="number" defaultValue={p.end === undefined ? "" : String(p.end)} />
            </div>
            {p.preview ? <p className="passage-preview">„{p.preview}“</p> : null}
          </div>
        ))}
      </fieldset>

      <fieldset className="quantity-fields">
        <legend>Zahl in der Behauptung (optional)</legend>
        <TextField name="quantityValue" label="Wert" defaultValue={values.quantityValue ?? ""} hint="z. B. 95 oder 0,5" />
        <TextField name="quantityUnit" label="Einheit" defaultValue={values.quantityUnit ?? ""} hint="z. B. Prozent" />
        <TextField name="quantitySubject" label="Gegenstand" defaultValue={values.quantitySubject ?? ""} hint="z. B. IS-Herrschaftsgebiet" />
        <TextField name="quantityMeasure" label="Messgröße" defaultValue={values.quantityMeasure ?? ""} hint="z. B. Anteil verlorener Fläche" />
        <TextField name="quantityAsOf" label="Stand" defaultValue={values.quantityAsOf ?? ""} hint="JJJJ, JJJJ-MM oder JJJJ-MM-TT" />
      </fieldset>

      <TextArea name="researchNotes" label="Recherchenotizen (intern)" rows={4} defaultValue={values.researchNotes} hint="Nur für die Redaktion sichtbar." />
    </>
  );
}

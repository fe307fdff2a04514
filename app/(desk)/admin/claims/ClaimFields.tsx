// The fields of a claim (new and edit forms): text, language, claimant, date, topics, quotes,
// source passages and the structured quantity. Claimant, quotes and passages' sources are
// record pickers (components/admin/RecordPicker.tsx): bounded lists, searched in full. Text, language and claimant of a claim that was
// ever published are shown, not edited (they are sent unchanged, so the save keeps them).
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { GroupErrors, Select, TextArea, TextField } from "@/components/admin/Fields";
import { RecordPicker } from "@/components/admin/RecordPicker";
import type { ClaimFormOptions } from "@/lib/editorial/claims";
import { passageFieldName } from "./form";

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

/** The sources as options, each with the length of its stored text (or that it has none). */
export async function sourceChoices(sources: ClaimFormOptions["sources"]): Promise<{ value: string; label: string }[]> {
  const t = await getTranslations("desk.claimFields");
  return sources.map((s) => ({
    value: s.value,
    label: s.length === null ? t("sourceWithoutText", { title: s.label }) : t("sourceLength", { title: s.label, count: s.length }),
  }));
}

export async function ClaimFields({
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
  const [t, sources] = await Promise.all([getTranslations("desk.claimFields"), sourceChoices(options.sources)]);
  const passages = values.passages ?? [];
  const claimantName = options.speakers.find((s) => s.value === values.claimantId)?.label;
  const chosen = (list: { value: string; label: string }[], ids: string[] | undefined) => {
    const labels = list.filter((o) => ids?.includes(o.value)).map((o) => o.label);
    // The chosen records' names are content (a quote's words in their language).
    return labels.length ? t.rich("chosen", { items: labels.join("; "), content: (chunks) => <span translate="no">{chunks}</span> }) : t("chosenNone");
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
            <dt>{t("textFixed")}</dt>
            <dd lang={values.language}>{values.text}</dd>
            <dt>{t("language")}</dt>
            <dd>{values.language}</dd>
            <dt>{t("claimant")}</dt>
            <dd>{claimantName ?? "–"}</dd>
          </dl>
        </div>
      ) : (
        <>
          <TextArea name="text" label={t("text")} required rows={3} defaultValue={values.text} hint={t("textHint")} />
          {textExtra}
          <TextField name="language" label={t("language")} defaultValue={values.language ?? "de"} hint={t("languageHint")} maxLength={10} />
          <RecordPicker kind="speaker" name="claimantId" label={t("claimant")} defaultValue={values.claimantId ?? ""} options={options.speakers} emptyLabel={t("unknown")} />
        </>
      )}
      <TextField name="claimDate" label={t("claimDate")} type="date" defaultValue={values.claimDate ? values.claimDate.toISOString().slice(0, 10) : ""} />
      <Select
        name="topicIds"
        label={t("topics")}
        multiple
        defaultValue={values.topicIds ?? []}
        options={options.topics}
        hint={
          <>
            {t("multiple")} {chosen(options.topics, values.topicIds)}
          </>
        }
      />
      <RecordPicker
        kind="quote"
        name="quoteIds"
        label={t("quotes")}
        multiple
        defaultValue={values.quoteIds ?? []}
        options={options.quotes}
        hint={
          <>
            {t("quotesHint")} {t("multiple")} {chosen(options.quotes, values.quoteIds)}
          </>
        }
      />

      <fieldset className="passage-rows" aria-describedby="passages-hint passages-error">
        <legend>{t("passages")}</legend>
        <span className="field__hint" id="passages-hint">
          {t("passagesHint")}
        </span>
        <GroupErrors name="passages" id="passages-error" />
        {[...passages, { sourceId: "", start: undefined, end: undefined, preview: undefined }].map((p, i) => (
          <div key={i} className="passage-row-group">
            <div className="passage-row" role="group" aria-label={t("passage", { n: i + 1 })}>
              <RecordPicker
                kind="source"
                name={passageFieldName(i, "SourceId")}
                label={t("passageSource", { n: i + 1 })}
                defaultValue={p.sourceId}
                options={sources}
                emptyLabel={t("none")}
              />
              <TextField name={passageFieldName(i, "Start")} label={t("start")} type="number" defaultValue={p.start === undefined ? "" : String(p.start)} />
              <TextField name={passageFieldName(i, "End")} label={t("end")} type="number" defaultValue={p.end === undefined ? "" : String(p.end)} />
            </div>
            {p.preview ? (
              <p className="passage-preview" translate="no">
                {t("preview", { text: p.preview })}
              </p>
            ) : null}
          </div>
        ))}
      </fieldset>

      <fieldset className="quantity-fields">
        <legend>{t("quantity")}</legend>
        <TextField name="quantityValue" label={t("value")} defaultValue={values.quantityValue ?? ""} hint={t("valueHint")} />
        <TextField name="quantityUnit" label={t("unit")} defaultValue={values.quantityUnit ?? ""} hint={t("unitHint")} />
        <TextField name="quantitySubject" label={t("subject")} defaultValue={values.quantitySubject ?? ""} hint={t("subjectHint")} />
        <TextField name="quantityMeasure" label={t("measure")} defaultValue={values.quantityMeasure ?? ""} hint={t("measureHint")} />
        <TextField name="quantityAsOf" label={t("asOf")} defaultValue={values.quantityAsOf ?? ""} hint={t("asOfHint")} />
      </fieldset>

      <TextArea name="researchNotes" label={t("researchNotes")} rows={4} defaultValue={values.researchNotes} hint={t("researchNotesHint")} />
    </>
  );
}

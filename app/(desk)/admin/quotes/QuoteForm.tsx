// The quote form, for "new" and "edit": speaker, verbatim text, speech kind, when/where, who
// reported it, the quote it stands in, translations, and where it appears (PassagePicker:
// source + passage of the source's stored text). Speaker, reporter and parent quote are record
// pickers (components/admin/RecordPicker.tsx): bounded lists, searched in full.
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { Checkbox, Select, TextArea, TextField } from "@/components/admin/Fields";
import { RecordPicker } from "@/components/admin/RecordPicker";
import { PassagePicker, type PassageSourceOption } from "@/components/admin/PassagePicker";
import { RowFields } from "@/components/admin/RowFields";
import type { FormAction } from "@/lib/actions/define";
import { SPEECH_KINDS, TRANSLATION_COLUMNS, type QuoteForEdit } from "@/lib/editorial/quotes";

type Option = { value: string; label: string };

export async function QuoteForm({
  action,
  quote,
  submitLabel,
  speakers,
  sources,
  parents,
  preselectSourceId,
}: {
  action: FormAction;
  quote?: QuoteForEdit;
  submitLabel: string;
  speakers: Option[];
  sources: PassageSourceOption[];
  parents: Option[];
  preselectSourceId?: string;
}) {
  const t = await getTranslations("desk.quoteForm");
  return (
    <ActionForm action={action} version={quote?.version} hidden={quote ? { id: quote.id } : {}} submitLabel={submitLabel}>
      <RecordPicker kind="speaker" name="speakerId" label={t("speaker")} required defaultValue={quote?.speakerId} options={speakers} />
      <TextArea name="text" label={t("text")} required rows={4} defaultValue={quote?.text} hint={t("textHint")} />
      <Select name="kind" label={t("kind")} required defaultValue={quote?.kind ?? "direct"} options={SPEECH_KINDS.map((k) => ({ value: k, label: t(`kindName.${k}`) }))} />
      <TextField name="language" label={t("language")} maxLength={6} defaultValue={quote?.language ?? "de"} hint={t("languageHint")} />

      <PassagePicker
        sources={sources}
        rows={(quote?.appearances ?? []).map((a) => ({ sourceId: a.sourceId, start: String(a.start), end: String(a.end) }))}
        preselectSourceId={preselectSourceId}
        textInputName="text"
      />
      <div>
        <Checkbox name="allowMismatch" label={t("allowMismatch")} defaultChecked={quote?.mismatch} />
        <p className="field__hint">{t("allowMismatchHint")}</p>
      </div>

      <TextField name="saidOn" label={t("saidOn")} type="date" defaultValue={quote?.saidOn} />
      <TextField name="occasion" label={t("occasion")} maxLength={300} defaultValue={quote?.occasion} hint={t("occasionHint")} />
      <TextField name="place" label={t("place")} maxLength={300} defaultValue={quote?.place} hint={t("placeHint")} />
      <RecordPicker
        kind="speaker"
        name="reportedById"
        label={t("reportedBy")}
        emptyLabel={t("reportedByNone")}
        defaultValue={quote?.reportedById}
        options={speakers}
        hint={t("reportedByHint")}
      />
      <RecordPicker kind="quote" name="parentId" label={t("parent")} emptyLabel={t("parentNone")} defaultValue={quote?.parentId} options={parents} hint={t("parentHint")} />
      <RowFields
        legend={t("translations")}
        hint={t("translationsHint")}
        errorKey="translations"
        rowLabel={t("translation")}
        addLabel={t("addTranslation")}
        columns={[
          { name: TRANSLATION_COLUMNS.language, label: t("language"), width: "5rem", grow: 0, maxLength: 6, placeholder: "en" },
          { name: TRANSLATION_COLUMNS.text, label: t("translationText"), type: "textarea", width: "16rem", grow: 1, maxLength: 10_000 },
        ]}
        rows={(quote?.translations ?? []).map((t) => ({ [TRANSLATION_COLUMNS.language]: t.language, [TRANSLATION_COLUMNS.text]: t.text }))}
      />
    </ActionForm>
  );
}

// The quote form, for "new" and "edit": speaker, verbatim text, speech kind, when/where, who
// reported it, the quote it stands in, translations, and where it appears (PassagePicker:
// source + passage of the source's stored text).
import { ActionForm } from "@/components/admin/ActionForm";
import { Checkbox, Select, TextArea, TextField } from "@/components/admin/Fields";
import { PassagePicker, type PassageSourceOption } from "@/components/admin/PassagePicker";
import { RowFields } from "@/components/admin/RowFields";
import type { FormAction } from "@/lib/actions/define";
import { SPEECH_KIND_LABELS, SPEECH_KINDS, TRANSLATION_COLUMNS, type QuoteForEdit } from "@/lib/editorial/quotes";

type Option = { value: string; label: string };

export function QuoteForm({
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
  return (
    <ActionForm action={action} version={quote?.version} hidden={quote ? { id: quote.id } : {}} submitLabel={submitLabel}>
      <Select name="speakerId" label="Sprecher (Urheber der Worte)" required defaultValue={quote?.speakerId} options={speakers} />
      <TextArea
        name="text"
        label="Zitattext"
        required
        rows={4}
        defaultValue={quote?.text}
        hint="Wörtlich und in der Originalsprache, ohne Anführungszeichen. Wird beim Übernehmen einer Markierung gefüllt, solange das Feld leer ist."
      />
      <Select
        name="kind"
        label="Art der Rede"
        required
        defaultValue={quote?.kind ?? "direct"}
        options={SPEECH_KINDS.map((k) => ({ value: k, label: SPEECH_KIND_LABELS[k] }))}
      />
      <TextField name="language" label="Sprache" maxLength={6} defaultValue={quote?.language ?? "de"} hint="Sprachkürzel des Zitattexts, z. B. de oder en." />

      <PassagePicker
        sources={sources}
        rows={(quote?.appearances ?? []).map((a) => ({ sourceId: a.sourceId, start: String(a.start), end: String(a.end) }))}
        preselectSourceId={preselectSourceId}
        textInputName="text"
      />
      <div>
        <Checkbox name="allowMismatch" label="Stelle weicht vom Zitattext ab (z. B. gekürzt)" defaultChecked={quote?.mismatch} />
        <p className="field__hint">
          Nur bei indirekter Rede: Die markierte Stelle darf dann anders lauten als der Zitattext. Ein wörtliches Zitat muss genau so in der
          Quelle stehen.
        </p>
      </div>

      <TextField name="saidOn" label="Gesagt am" type="date" defaultValue={quote?.saidOn} />
      <TextField name="occasion" label="Anlass" maxLength={300} defaultValue={quote?.occasion} hint="z. B. APEC-Gipfel" />
      <TextField name="place" label="Ort" maxLength={300} defaultValue={quote?.place} hint="z. B. Da Nang, Vietnam" />
      <Select
        name="reportedById"
        label="Wiedergegeben von"
        emptyLabel="– niemand: eigene Äußerung –"
        defaultValue={quote?.reportedById}
        options={speakers}
        hint="Bei Zitaten aus zweiter Hand: wer die Worte wiedergibt (z. B. Trump, der sagt, was Putin ihm sagt)."
      />
      <Select
        name="parentId"
        label="Steht in Zitat"
        emptyLabel="– in keinem anderen Zitat –"
        defaultValue={quote?.parentId}
        options={parents}
        hint="Wenn diese Worte innerhalb eines anderen Zitats stehen."
      />
      <RowFields
        legend="Übersetzungen"
        hint="Sprachkürzel (z. B. en) und übersetzter Text; je Sprache eine."
        errorKey="translations"
        rowLabel="Übersetzung"
        addLabel="Weitere Übersetzung"
        columns={[
          { name: TRANSLATION_COLUMNS.language, label: "Sprache", width: "5rem", grow: 0, maxLength: 6, placeholder: "en" },
          { name: TRANSLATION_COLUMNS.text, label: "Text", type: "textarea", width: "16rem", grow: 1, maxLength: 10_000 },
        ]}
        rows={(quote?.translations ?? []).map((t) => ({ [TRANSLATION_COLUMNS.language]: t.language, [TRANSLATION_COLUMNS.text]: t.text }))}
      />
    </ActionForm>
  );
}

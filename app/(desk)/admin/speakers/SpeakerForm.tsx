// The speaker form, for "new" and "edit": name (with similar existing speakers while typing),
// kind, slug, Wikidata id, bio, aliases (one per line) and roles with time ranges.
import { ActionForm } from "@/components/admin/ActionForm";
import { Select, TextArea, TextField } from "@/components/admin/Fields";
import { RowFields } from "@/components/admin/RowFields";
import { SimilarRecords } from "@/components/admin/SimilarRecords";
import type { FormAction } from "@/lib/actions/define";
import { ROLE_COLUMNS, SPEAKER_KIND_LABELS, SPEAKER_KINDS, type SpeakerForEdit } from "@/lib/editorial/speakers";

export function SpeakerForm({ action, speaker, submitLabel }: { action: FormAction; speaker?: SpeakerForEdit; submitLabel: string }) {
  return (
    <ActionForm action={action} version={speaker?.version} hidden={speaker ? { id: speaker.id } : {}} submitLabel={submitLabel}>
      <TextField name="name" label="Name" required maxLength={200} defaultValue={speaker?.name} autoComplete="off" />
      <SimilarRecords kind="speaker" inputName="name" excludeId={speaker?.id} />
      <Select
        name="kind"
        label="Art"
        required
        defaultValue={speaker?.kind ?? "person"}
        options={SPEAKER_KINDS.map((k) => ({ value: k, label: SPEAKER_KIND_LABELS[k] }))}
        hint="„Publikation“: ein Medium, das in eigener Stimme spricht (Urheber von Aussagen eines Artikels)."
      />
      <TextField
        name="slug"
        label="Kurzadresse (Slug)"
        maxLength={80}
        defaultValue={speaker?.slug}
        autoComplete="off"
        hint="Teil der öffentlichen Adresse /speakers/…, z. B. wladimir-putin. Leer lassen: wird aus dem Namen gebildet."
      />
      <TextField name="wikidataId" label="Wikidata-ID" maxLength={13} defaultValue={speaker?.wikidataId} autoComplete="off" hint="z. B. Q7747; optional." />
      <TextArea name="bio" label="Kurzbiografie" rows={4} defaultValue={speaker?.bio} />
      <TextArea
        name="aliases"
        label="Aliasse"
        rows={4}
        defaultValue={speaker?.aliases.join("\n")}
        hint="Andere Namen, unter denen der Sprecher vorkommt – einer pro Zeile, z. B. Putin, Kremlchef, Vladimir Putin."
      />
      <RowFields
        legend="Funktionen"
        hint="Ämter und Rollen mit Zeitraum. Ende leer lassen, solange die Funktion besteht."
        errorKey="roles"
        rowLabel="Funktion"
        addLabel="Weitere Funktion"
        columns={[
          { name: ROLE_COLUMNS.title, label: "Bezeichnung", width: "14rem", grow: 2, maxLength: 200, placeholder: "Präsident der USA" },
          { name: ROLE_COLUMNS.organization, label: "Organisation", width: "12rem", grow: 2, maxLength: 200 },
          { name: ROLE_COLUMNS.startDate, label: "Beginn", type: "date", width: "11rem" },
          { name: ROLE_COLUMNS.endDate, label: "Ende", type: "date", width: "11rem" },
        ]}
        rows={(speaker?.roles ?? []).map((r) => ({
          [ROLE_COLUMNS.title]: r.title,
          [ROLE_COLUMNS.organization]: r.organization ?? "",
          [ROLE_COLUMNS.startDate]: r.startDate ?? "",
          [ROLE_COLUMNS.endDate]: r.endDate ?? "",
        }))}
      />
    </ActionForm>
  );
}

// The source form, for "new" and "edit": bibliographic fields and the stored text (snapshot)
// that quotes, claim passages and evidence point into.
import { ActionForm } from "@/components/admin/ActionForm";
import { Select, TextArea, TextField } from "@/components/admin/Fields";
import type { FormAction } from "@/lib/actions/define";
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from "@/lib/editorial/sources";
import type { SourceKind } from "@/lib/generated/prisma/enums";

export interface SourceFormValues {
  id: string;
  version: number;
  kind: SourceKind;
  url: string | null;
  title: string;
  publisher: string | null;
  author: string | null;
  publishedAt: Date | null;
  accessedAt: Date | null;
  language: string;
  snapshotText: string | null;
}

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : undefined);

export function SourceForm({
  action,
  source,
  submitLabel,
  passages = 0,
}: {
  action: FormAction;
  source?: SourceFormValues;
  submitLabel: string;
  /** How many marked passages point into the stored text. */
  passages?: number;
}) {
  return (
    <ActionForm action={action} version={source?.version} hidden={source ? { id: source.id } : {}} submitLabel={submitLabel}>
      <TextField name="title" label="Titel" required maxLength={500} defaultValue={source?.title} />
      <Select
        name="kind"
        label="Art"
        required
        defaultValue={source?.kind ?? "news_article"}
        options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] }))}
      />
      <TextField name="url" label="Adresse (URL)" type="url" defaultValue={source?.url} hint="Optional, z. B. https://…" />
      <TextField name="publisher" label="Herausgeber" maxLength={300} defaultValue={source?.publisher} />
      <TextField name="author" label="Autor/in" maxLength={300} defaultValue={source?.author} />
      <TextField name="publishedAt" label="Veröffentlicht am" type="date" defaultValue={day(source?.publishedAt)} />
      <TextField name="accessedAt" label="Abgerufen am" type="date" defaultValue={day(source?.accessedAt ?? (source ? null : new Date()))} />
      <TextField name="language" label="Sprache" maxLength={6} defaultValue={source?.language ?? "de"} hint="Sprachkürzel, z. B. de oder en." />
      <TextArea
        name="snapshotText"
        label="Gespeicherter Text"
        rows={16}
        defaultValue={source?.snapshotText}
        hint={
          passages > 0
            ? `${passages} markierte ${passages === 1 ? "Stelle verweist" : "Stellen verweisen"} mit Zeichenpositionen auf diesen Text. Änderungen werden nur gespeichert, wenn jede Stelle danach noch genauso lautet (also nichts davor die Länge ändert).`
            : "Der Text der Quelle, wie er gelesen wurde. Zitate und Belege verweisen mit Zeichenpositionen darauf; er bleibt, auch wenn der Link nicht mehr funktioniert."
        }
      />
    </ActionForm>
  );
}

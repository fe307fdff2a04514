// The source form, for "new" and "edit": bibliographic fields and the stored text (snapshot)
// that quotes, claim passages and evidence point into.
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { Select, TextArea, TextField } from "@/components/admin/Fields";
import type { FormAction } from "@/lib/actions/define";
import { SOURCE_KINDS } from "@/lib/editorial/sources";
import type { SourceKind } from "@/lib/editorial/sources";

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

export async function SourceForm({
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
  const [t, kindName] = await Promise.all([getTranslations("desk.sourceForm"), getTranslations("desk.sourceKind")]);
  return (
    <ActionForm action={action} version={source?.version} hidden={source ? { id: source.id } : {}} submitLabel={submitLabel}>
      <TextField name="title" label={t("title")} required maxLength={500} defaultValue={source?.title} />
      <Select name="kind" label={t("kind")} required defaultValue={source?.kind ?? "news_article"} options={SOURCE_KINDS.map((k) => ({ value: k, label: kindName(k) }))} />
      <TextField name="url" label={t("url")} type="url" defaultValue={source?.url} hint={t("urlHint")} />
      <TextField name="publisher" label={t("publisher")} maxLength={300} defaultValue={source?.publisher} />
      <TextField name="author" label={t("author")} maxLength={300} defaultValue={source?.author} />
      <TextField name="publishedAt" label={t("publishedAt")} type="date" defaultValue={day(source?.publishedAt)} />
      <TextField name="accessedAt" label={t("accessedAt")} type="date" defaultValue={day(source?.accessedAt ?? (source ? null : new Date()))} />
      <TextField name="language" label={t("language")} maxLength={6} defaultValue={source?.language ?? "de"} hint={t("languageHint")} />
      <TextArea
        name="snapshotText"
        label={t("snapshotText")}
        rows={16}
        defaultValue={source?.snapshotText}
        hint={passages > 0 ? t("snapshotHintMarked", { count: passages }) : t("snapshotHint")}
      />
    </ActionForm>
  );
}

// The speaker form, for "new" and "edit": name (with similar existing speakers while typing),
// kind, slug, Wikidata id, bio, aliases (one per line) and roles with time ranges.
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { Select, TextArea, TextField } from "@/components/admin/Fields";
import { RowFields } from "@/components/admin/RowFields";
import { SimilarRecords } from "@/components/admin/SimilarRecords";
import type { FormAction } from "@/lib/actions/define";
import { ROLE_COLUMNS, SPEAKER_KINDS, type SpeakerForEdit } from "@/lib/editorial/speakers";

export async function SpeakerForm({ action, speaker, submitLabel }: { action: FormAction; speaker?: SpeakerForEdit; submitLabel: string }) {
  const [t, kindName] = await Promise.all([getTranslations("desk.speakerForm"), getTranslations("desk.speakerKind")]);
  return (
    <ActionForm action={action} version={speaker?.version} hidden={speaker ? { id: speaker.id } : {}} submitLabel={submitLabel}>
      <TextField name="name" label={t("name")} required maxLength={200} defaultValue={speaker?.name} autoComplete="off" />
      <SimilarRecords kind="speaker" inputName="name" excludeId={speaker?.id} />
      <Select
        name="kind"
        label={t("kind")}
        required
        defaultValue={speaker?.kind ?? "person"}
        options={SPEAKER_KINDS.map((k) => ({ value: k, label: kindName(k) }))}
        hint={t("kindHint")}
      />
      <TextField name="slug" label={t("slug")} maxLength={80} defaultValue={speaker?.slug} autoComplete="off" hint={t("slugHint")} />
      <TextField name="wikidataId" label={t("wikidataId")} maxLength={13} defaultValue={speaker?.wikidataId} autoComplete="off" hint={t("wikidataHint")} />
      <TextArea name="bio" label={t("bio")} rows={4} defaultValue={speaker?.bio} />
      <TextArea name="aliases" label={t("aliases")} rows={4} defaultValue={speaker?.aliases.join("\n")} hint={t("aliasesHint")} />
      <RowFields
        legend={t("roles")}
        hint={t("rolesHint")}
        errorKey="roles"
        rowLabel={t("role")}
        addLabel={t("addRole")}
        columns={[
          { name: ROLE_COLUMNS.title, label: t("roleTitle"), width: "14rem", grow: 2, maxLength: 200, placeholder: t("roleTitlePlaceholder") },
          { name: ROLE_COLUMNS.organization, label: t("organization"), width: "12rem", grow: 2, maxLength: 200 },
          { name: ROLE_COLUMNS.startDate, label: t("start"), type: "date", width: "11rem" },
          { name: ROLE_COLUMNS.endDate, label: t("end"), type: "date", width: "11rem" },
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

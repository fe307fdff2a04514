import { getTranslations } from "next-intl/server";
import { TextArea, TextField } from "@/components/admin/Fields";
import type { Topic } from "@/lib/editorial/taxonomy";

/** The fields of a topic, for the create form (empty) and the edit form. */
export async function TopicFields({ topic }: { topic?: Topic }) {
  const t = await getTranslations("desk.topicFields");
  return (
    <>
      <TextField name="nameDe" label={t("nameDe")} required maxLength={200} defaultValue={topic?.nameDe} />
      <TextField name="nameEn" label={t("nameEn")} required maxLength={200} defaultValue={topic?.nameEn} />
      <TextField name="slug" label={t("slug")} maxLength={80} defaultValue={topic?.slug} hint={t(topic ? "slugHintKeep" : "slugHintNew")} />
      <TextArea name="descriptionDe" label={t("descriptionDe")} rows={3} defaultValue={topic?.descriptionDe} />
      <TextArea name="descriptionEn" label={t("descriptionEn")} rows={3} defaultValue={topic?.descriptionEn} />
    </>
  );
}

import { getTranslations } from "next-intl/server";
import { Checkbox, TextArea, TextField } from "@/components/admin/Fields";
import type { VerdictLabel } from "@/lib/editorial/taxonomy";

/** The editable fields of a verdict label (the key is set once, in the create form). */
export async function LabelFields({ label }: { label?: VerdictLabel }) {
  const t = await getTranslations("desk.labelFields");
  return (
    <>
      <TextField name="nameDe" label={t("nameDe")} required maxLength={100} defaultValue={label?.nameDe} />
      <TextField name="nameEn" label={t("nameEn")} required maxLength={100} defaultValue={label?.nameEn} />
      <TextArea name="explanationDe" label={t("explanationDe")} required rows={3} defaultValue={label?.explanationDe} />
      <TextArea name="explanationEn" label={t("explanationEn")} required rows={3} defaultValue={label?.explanationEn} />
      <TextField name="ratingValue" label={t("ratingValue")} type="number" step="1" defaultValue={label?.ratingValue?.toString()} hint={t("ratingValueHint")} />
      <TextField
        name="position"
        label={t("position")}
        type="number"
        step="1"
        defaultValue={label?.position.toString()}
        hint={t(label ? "positionHintKeep" : "positionHintEnd")}
      />
      <Checkbox name="active" label={t("active")} defaultChecked={label ? label.active : true} />
    </>
  );
}

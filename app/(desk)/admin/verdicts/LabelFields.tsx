import { Checkbox, TextArea, TextField } from "@/components/admin/Fields";
import type { VerdictLabel } from "@/lib/generated/prisma/client";

/** The editable fields of a verdict label (the key is set once, in the create form). */
export function LabelFields({ label }: { label?: VerdictLabel }) {
  return (
    <>
      <TextField name="nameDe" label="Name (deutsch)" required maxLength={100} defaultValue={label?.nameDe} />
      <TextField name="nameEn" label="Name (englisch)" required maxLength={100} defaultValue={label?.nameEn} />
      <TextArea name="explanationDe" label="Öffentliche Erklärung (deutsch)" required rows={3} defaultValue={label?.explanationDe} />
      <TextArea name="explanationEn" label="Öffentliche Erklärung (englisch)" required rows={3} defaultValue={label?.explanationEn} />
      <TextField
        name="ratingValue"
        label="ClaimReview-Wert"
        type="number"
        step="1"
        defaultValue={label?.ratingValue?.toString()}
        hint="1 bis 99, höher ist besser (bestRating/worstRating ergeben sich aus den aktiven Stufen). Leer für Stufen außerhalb der Skala, etwa „nicht überprüfbar“."
      />
      <TextField
        name="position"
        label="Position auf der Skala"
        type="number"
        step="1"
        defaultValue={label?.position.toString()}
        hint={`Reihenfolge, die beste Stufe zuerst (kleinste Zahl). Leer: ${label ? "bleibt, wo sie ist" : "ans Ende der Skala"}.`}
      />
      <Checkbox name="active" label="Aktiv (wird für neue Bewertungen angeboten)" defaultChecked={label ? label.active : true} />
    </>
  );
}

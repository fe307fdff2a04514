import { TextArea, TextField } from "@/components/admin/Fields";
import type { Topic } from "@/lib/generated/prisma/client";

/** The fields of a topic, for the create form (empty) and the edit form. */
export function TopicFields({ topic }: { topic?: Topic }) {
  return (
    <>
      <TextField name="nameDe" label="Name (deutsch)" required maxLength={200} defaultValue={topic?.nameDe} />
      <TextField name="nameEn" label="Name (englisch)" required maxLength={200} defaultValue={topic?.nameEn} />
      <TextField
        name="slug"
        label="Kurzadresse"
        maxLength={80}
        defaultValue={topic?.slug}
        hint={
          topic
            ? "Teil der öffentlichen Adresse; nur Kleinbuchstaben, Ziffern, Bindestriche. Leer lassen, um sie zu behalten."
            : "Teil der öffentlichen Adresse; nur Kleinbuchstaben, Ziffern, Bindestriche. Leer lassen, um sie aus dem deutschen Namen zu bilden."
        }
      />
      <TextArea name="descriptionDe" label="Beschreibung (deutsch)" rows={3} defaultValue={topic?.descriptionDe} />
      <TextArea name="descriptionEn" label="Beschreibung (englisch)" rows={3} defaultValue={topic?.descriptionEn} />
    </>
  );
}

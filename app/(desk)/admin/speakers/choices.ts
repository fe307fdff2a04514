// Speakers as the options of a select, in the desk's language: organisations and publications
// say what they are ("Tagesschau (Publikation)").
import { getTranslations } from "next-intl/server";
import type { SpeakerKind } from "@/lib/editorial/speakers";

export async function speakerChoices(speakers: { value: string; label: string; kind?: SpeakerKind }[]): Promise<{ value: string; label: string }[]> {
  const t = await getTranslations("desk.speakerKind");
  return speakers.map((s) => ({ value: s.value, label: !s.kind || s.kind === "person" ? s.label : `${s.label} (${t(s.kind)})` }));
}

// A topic's name and description in the page language. Topics are bilingual; a missing
// English description falls back to the German one, marked with lang="de".
import type { Locale } from "../lib/i18n";
import type { PublicTopic } from "../lib/public";

export interface LocalizedTopic {
  name: string;
  description: { text: string; lang: Locale } | null;
}

export function localizedTopic(topic: PublicTopic, locale: Locale): LocalizedTopic {
  const en = topic.descriptionEn ? { text: topic.descriptionEn, lang: "en" as const } : null;
  const de = topic.descriptionDe ? { text: topic.descriptionDe, lang: "de" as const } : null;
  return {
    name: locale === "en" ? topic.nameEn : topic.nameDe,
    description: locale === "en" ? (en ?? de) : (de ?? en),
  };
}

export function TopicDescription({ topic, className }: { topic: LocalizedTopic; className?: string }) {
  return topic.description ? (
    <p className={className} lang={topic.description.lang}>
      {topic.description.text}
    </p>
  ) : null;
}

// Text the app itself writes into a record (content, not interface): it is stored, so it is in
// the record's language, whoever is reading the desk at the moment (an English article ingested
// by a German editor gets an English title). From the same catalogues as the interface.
//
// Server only: it loads both catalogues.
import { createTranslator } from "next-intl";
import de from "../messages/de.json";
import en from "../messages/en.json";
import { isLocale, NEWSROOM_LANGUAGE, type Locale } from "./i18n";
import { renderMessage, type Message, type Translate } from "./messages";

const translators: Record<Locale, Translate> = {
  de: createTranslator({ locale: "de", messages: de }) as unknown as Translate,
  en: createTranslator({ locale: "en", messages: en }) as unknown as Translate,
};

/** A Message as stored text in `language` (a record's language; the newsroom's when it has none
 * of the desk's two). */
export function contentText(language: string | null | undefined, message: Message): string {
  const locale: Locale = isLocale(language) ? language : NEWSROOM_LANGUAGE;
  return renderMessage(translators[locale], locale, message);
}

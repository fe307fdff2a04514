// The domain's Messages (lib/messages.ts) as the desk shows them: rendered from the catalogues
// the way the pages render them (next-intl's createTranslator and renderMessage), so that a test
// can assert the words a German or an English editor reads, not only the message's key.
import { createTranslator } from "next-intl";
import de from "../../messages/de.json";
import en from "../../messages/en.json";
import type { Locale } from "../../lib/i18n";
import { isMessage, renderMessage, type Message, type Translate } from "../../lib/messages";

const translators = {
  de: createTranslator({ locale: "de", messages: de }) as unknown as Translate,
  en: createTranslator({ locale: "en", messages: en }) as unknown as Translate,
};

/** A Message as text in `locale` (German by default, the newsroom's language). */
export function text(message: Message, locale: Locale = "de"): string {
  return renderMessage(translators[locale], locale, message);
}

/** The text of what an error or an answer carries: a DomainError's or IngestError's detail, or a Message. */
export function textOf(value: unknown, locale: Locale = "de"): string {
  if (isMessage(value)) return text(value, locale);
  const detail = (value as { detail?: unknown } | null)?.detail;
  if (isMessage(detail)) return text(detail, locale);
  throw new Error(`not a Message nor an error with one: ${String(value)}`);
}

/** The texts of a field's errors (ValidationError.fieldErrors, a form state's fieldErrors). */
export function fieldTexts(errors: Record<string, Message[]> | undefined, field: string, locale: Locale = "de"): string[] {
  return (errors?.[field] ?? []).map((m) => text(m, locale));
}

/** Awaits `promise`, which must reject; the text of its error. */
export async function refusalText(promise: Promise<unknown>, locale: Locale = "de"): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return textOf(error, locale);
  }
  throw new Error("expected a refusal");
}

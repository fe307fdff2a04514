"use client";
// For client components of the desk: a Message of the domain (lib/messages.ts) as text in the
// page's language, from the catalogue namespaces components/DeskFrame.tsx passes down.
import { useLocale, useTranslations } from "next-intl";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n";
import { renderMessage, type Message, type Translate } from "@/lib/messages";

export function useMessageText(): (m: Message) => string {
  const t = useTranslations();
  const locale = useLocale();
  return (m) => renderMessage(t as unknown as Translate, isLocale(locale) ? locale : DEFAULT_LOCALE, m);
}

import type { Locale } from "../lib/i18n";
import { formatDate, isoDate } from "../lib/format";

export function DateText({ date, locale, kind = "moment" }: { date: Date; locale: Locale; kind?: "moment" | "calendar" }) {
  return <time dateTime={isoDate(date, kind)}>{formatDate(date, locale, kind)}</time>;
}

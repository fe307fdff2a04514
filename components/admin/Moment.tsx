// A moment (sign-in, change, log entry) in the newsroom's time zone, to the minute (or second),
// written as the desk's language writes it (lib/messages.ts formatMoment).
import { currentLocale } from "@/lib/desk-i18n";
import { formatMoment } from "@/lib/messages";

export { formatMoment };

export async function Moment({ date, seconds = false, empty = "–" }: { date: Date | null | undefined; seconds?: boolean; empty?: string }) {
  if (!date) return <>{empty}</>;
  const locale = await currentLocale();
  return <time dateTime={date.toISOString()}>{formatMoment(date, locale, seconds)}</time>;
}

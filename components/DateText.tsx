import type { Dictionary } from "../lib/i18n";
import { formatDate, isoDate } from "../lib/format";

export function DateText({ date, dict, kind = "moment" }: { date: Date; dict: Dictionary; kind?: "moment" | "calendar" }) {
  return <time dateTime={isoDate(date, kind)}>{formatDate(date, dict, kind)}</time>;
}

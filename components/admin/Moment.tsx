// A moment (sign-in, change, log entry) in the newsroom's time zone, to the minute (or second).
import { NEWSROOM_TIME_ZONE } from "@/lib/format";

const MINUTES = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: NEWSROOM_TIME_ZONE });
const SECONDS = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "medium", timeZone: NEWSROOM_TIME_ZONE });

export function formatMoment(date: Date, seconds = false): string {
  return (seconds ? SECONDS : MINUTES).format(date);
}

export function Moment({ date, seconds = false, empty = "–" }: { date: Date | null | undefined; seconds?: boolean; empty?: string }) {
  if (!date) return <>{empty}</>;
  return <time dateTime={date.toISOString()}>{formatMoment(date, seconds)}</time>;
}

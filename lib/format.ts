// Dates and numbers for display, in the page language (dict.dateLocale: de-DE or en-GB).
// Calendar dates (@db.Date columns: when something was said, role dates)
// are stored as UTC midnight and shown in UTC so they never shift a day; moments
// (publication, corrections) are shown in the newsroom's time zone.
import type { Dictionary } from "./i18n";

export const NEWSROOM_TIME_ZONE = "Europe/Berlin";

export function formatDate(date: Date, dict: Dictionary, kind: "moment" | "calendar" = "moment"): string {
  return new Intl.DateTimeFormat(dict.dateLocale, {
    dateStyle: "long",
    timeZone: kind === "calendar" ? "UTC" : NEWSROOM_TIME_ZONE,
  }).format(date);
}

/** The value for a <time dateTime> attribute: YYYY-MM-DD for calendar dates, ISO otherwise. */
export function isoDate(date: Date, kind: "moment" | "calendar" = "moment"): string {
  return kind === "calendar" ? date.toISOString().slice(0, 10) : date.toISOString();
}

/** A whole number or decimal in the page's language (`1.234` in German, `1,234` in English). */
export function formatNumber(value: number, dict: Dictionary, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(dict.dateLocale, options).format(value);
}

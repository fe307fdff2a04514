// Dates and numbers for display, in the page language (FORMAT_LOCALE: de-DE or en-GB).
// Calendar dates (@db.Date columns: when something was said, role dates)
// are stored as UTC midnight and shown in UTC so they never shift a day; moments
// (publication, corrections) are shown in the newsroom's time zone.
//
// Not next-intl's formatter: it formats in the locale of the URL ("en"), which writes dates
// the American way ("November 11, 2017"); the site writes British English ("11 November 2017").
import { FORMAT_LOCALE, type Locale } from "./i18n";

export const NEWSROOM_TIME_ZONE = "Europe/Berlin";

export function formatDate(date: Date, locale: Locale, kind: "moment" | "calendar" = "moment"): string {
  return new Intl.DateTimeFormat(FORMAT_LOCALE[locale], {
    dateStyle: "long",
    timeZone: kind === "calendar" ? "UTC" : NEWSROOM_TIME_ZONE,
  }).format(date);
}

/** The value for a <time dateTime> attribute: YYYY-MM-DD for calendar dates, ISO otherwise. */
export function isoDate(date: Date, kind: "moment" | "calendar" = "moment"): string {
  return kind === "calendar" ? date.toISOString().slice(0, 10) : date.toISOString();
}

/** A whole number or decimal in the page's language (`1.234` in German, `1,234` in English). */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(FORMAT_LOCALE[locale], options).format(value);
}

/** Sorts names the way the page's language does. */
export function collator(locale: Locale): Intl.Collator {
  return new Intl.Collator(FORMAT_LOCALE[locale]);
}

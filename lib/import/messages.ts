// What an import says about a file, a row or a batch: a code and its parameters, stored as such
// (ImportRow.reason/params, ImportBatch.error/errorParams) so that the desk can show them in its
// language (issue 13 translates the desk; German is the newsroom's language today). importMessage
// renders one in German; the command line prints the same words.
export const IMPORT_MESSAGES = {
  // Rows
  claim_missing: "Der Text der Behauptung fehlt.",
  publisher_missing: "Der Herausgeber fehlt (weder Name noch Website).",
  rating_missing: "Die Bewertung fehlt (weder Text noch Zahl).",
  too_long: "{field} ist zu lang ({length} Zeichen, höchstens {max}).",
  bad_date: "{field}: „{value}“ ist kein Datum (JJJJ-MM-TT, TT.MM.JJJJ oder ISO 8601).",
  bad_url: "{field}: „{value}“ ist keine http(s)-Adresse.",
  bad_number: "{field}: „{value}“ ist keine Zahl.",
  csv_record: "Kein gültiger CSV-Datensatz: {message}",
  bad_json: "Kein gültiges JSON: {message}",
  not_claimreview: "Kein lesbarer Faktencheck: {message}",
  not_factcheck_tools: "Kein lesbarer Eintrag einer Fact-Check-Tools-Antwort: {message}",
  item_too_large: "Der Eintrag ist größer als {max} Zeichen.",
  duplicate_in_file: "Dieselbe Adresse steht schon in Zeile {line} dieser Datei.",
  exists_same: "Schon importiert, unverändert.",
  exists_changed: "Schon importiert; wird aktualisiert: {fields}.",
  verdict_missing: "Die Bewertung fehlt: eine Stufe unserer Skala (Spalte verdict oder die Bewertung des Faktenchecks).",
  verdict_unknown: "„{rating}“ ist keine Stufe unserer Bewertungsskala.",
  summary_missing: "Die Zusammenfassung fehlt: jede Veröffentlichung braucht eine (Spalte summary oder ratingExplanation).",
  review_date_missing: "Das ursprüngliche Veröffentlichungsdatum fehlt (Spalte review_date oder datePublished).",
  claim_exists: "Schon als unsere Behauptung importiert.",
  write_failed: "Beim Schreiben abgelehnt: {message}",
  // Files and batches
  too_large: "Die Datei ist größer als {max} MB.",
  too_many_rows: "Die Datei hat mehr als {max} Einträge; bitte teilen Sie sie auf.",
  timeout: "Das Einlesen hat länger als {seconds} Sekunden gedauert und wurde abgebrochen.",
  not_utf8: "Die Datei ist nicht in UTF-8 kodiert (in Excel: „CSV UTF-8“ speichern).",
  empty: "Die Datei ist leer.",
  unknown_format: "Das Format ist unbekannt: erwartet werden ClaimReview-JSON-LD, eine HTML-Seite mit JSON-LD, eine Fact-Check-Tools-Antwort oder CSV.",
  csv_header: "Der CSV-Datei fehlt die Spalte „{column}“ (Kopfzeile: {header}).",
  csv_file: "Die CSV-Datei ist ab Zeile {line} nicht lesbar: {message}",
  json_structure: "Die JSON-Datei ist ab Zeile {line} nicht lesbar: {message}",
  html_no_jsonld: "Die HTML-Seite enthält keinen JSON-LD-Block (<script type=\"application/ld+json\">).",
  no_items: "Die Datei enthält keinen Faktencheck.",
  unknown_columns: "Unbekannte Spalten werden nicht gelesen: {columns}.",
  invalid_rows_all_or_nothing: "{count} Einträge sind fehlerhaft; mit „alles oder nichts“ wird nichts importiert.",
  interrupted: "Das Einlesen wurde unterbrochen (der Server wurde beendet).",
  write_failed_all_or_nothing: "Beim Schreiben von Eintrag {line} abgelehnt ({message}); mit „alles oder nichts“ wurde nichts importiert.",
} as const;

export type ImportMessageCode = keyof typeof IMPORT_MESSAGES;
export type ImportParams = Record<string, string | number>;

export interface ImportIssue {
  code: ImportMessageCode;
  params?: ImportParams;
}

/** The German words of an import message, its parameters filled in. */
export function importMessage(code: string, params: ImportParams | null | undefined = {}): string {
  const template = (IMPORT_MESSAGES as Record<string, string>)[code] ?? code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name];
    return value === undefined ? whole : String(value);
  });
}

/** A problem with the whole file: nothing of it is imported. */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportMessageCode,
    readonly params: ImportParams = {},
  ) {
    super(importMessage(code, params));
    this.name = "ImportFileError";
  }
}

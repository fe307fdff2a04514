// The desk's words for imports (German, like the rest of the desk until issue 13 translates
// it). The reasons of rows and batches are codes of lib/import/messages.ts.
import type { ImportRowAction, ImportStatus } from "@/lib/generated/prisma/enums";

export const ACTION_LABELS: Record<ImportRowAction, string> = {
  create: "neu",
  update: "wird aktualisiert",
  unchanged: "schon vorhanden",
  duplicate: "doppelt in der Datei",
  invalid: "fehlerhaft",
};

export const STATUS_LABELS: Record<ImportStatus | "stalled", string> = {
  reading: "wird eingelesen",
  previewed: "Vorschau – noch nichts geschrieben",
  importing: "wird geschrieben",
  done: "abgeschlossen",
  failed: "fehlgeschlagen",
  cancelled: "verworfen",
  stalled: "unterbrochen",
};

export const KIND_LABELS = {
  external: "Faktenchecks anderer Redaktionen",
  own: "Eigene Bewertungen (Archiv)",
} as const;

export const FORMAT_LABELS: Record<string, string> = {
  claimreview: "ClaimReview (JSON-LD)",
  "factcheck-tools": "Fact-Check-Tools-Antwort",
  csv: "CSV",
  html: "HTML-Seite mit JSON-LD",
};

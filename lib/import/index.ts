// Imports of fact-checks (issue 14): others' (ExternalFactCheck) and our own back catalogue
// (published claims). docs/import.md describes the formats, the CSV columns and the steps.
export { IMPORT_FORMATS, DEFAULT_LIMITS, CSV_COLUMNS, type ImportFormat } from "./read";
export { IMPORT_CODES, importMessage, importPlainText, ImportFileError, type ImportIssue, type ImportText } from "./messages";
export {
  CHUNK,
  ACTION_ORDER,
  createImportBatch,
  readIntoBatch,
  getImportBatch,
  previewRows,
  unknownClaimants,
  listImportBatches,
  STALE_MS,
  type BatchSummary,
  type BatchView,
  type PreviewRow,
  type ImportActor,
  type ImportCounts,
  type NewBatch,
} from "./stage";
export { confirmImport, cancelImport, confirmImportInput, cancelImportInput, resultMessage, type ImportResult, type ConfirmImportInput } from "./commit";

import type { Db } from "../db/client";
import { db } from "../db/client";
import { createImportBatch, readIntoBatch, type BatchSummary, type ImportActor, type NewBatch, type ReadOptions } from "./stage";

/** A batch for the file, and the file read into its preview (the command line and tests). */
export async function importFile(
  actor: ImportActor,
  batch: NewBatch,
  source: AsyncIterable<Uint8Array | string>,
  options: ReadOptions = {},
  client: Db = db,
): Promise<BatchSummary> {
  const { id } = await createImportBatch(actor, batch, client);
  return readIntoBatch(id, source, options, client);
}

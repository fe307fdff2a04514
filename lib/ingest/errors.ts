// The one error of article ingestion: a message that says what is wrong with the upload or
// the pasted text and what to do (German, as the desk).
export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IngestError";
  }
}

// The one error of article ingestion: what is wrong with the upload or the pasted text and what
// to do, as a Message (lib/messages.ts: a code with parameters, shown in the editor's language).
import { describeMessage, type Message } from "../messages";

export class IngestError extends Error {
  constructor(readonly detail: Message) {
    super(describeMessage(detail));
    this.name = "IngestError";
  }
}

// An import's message (lib/import/messages.ts) as the desk shows it: the Message in the reader's
// language, and after it the detail: a parser's own words, shown as they are and marked as
// English content, or a domain error's Message in the reader's language.
import type { ImportText as ImportTextValue } from "@/lib/import/messages";
import type { Message } from "@/lib/messages";

export function ImportText({ value, text }: { value: ImportTextValue; text: (m: Message) => string }) {
  const main = text(value.message);
  if (value.detail === null) return <>{main}</>;
  return (
    <>
      {main}:{" "}
      {typeof value.detail === "string" ? (
        <span lang="en" translate="no">
          {value.detail}
        </span>
      ) : (
        text(value.detail)
      )}
    </>
  );
}

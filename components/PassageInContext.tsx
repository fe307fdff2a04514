// A passage of a source's stored text, marked, with the text around it.
import type { PassageInContext as Passage } from "../lib/passage";

export function PassageInContext({ context, lang }: { context: Passage; lang?: string }) {
  return (
    <blockquote className="context" lang={lang}>
      <p>
        {context.truncatedStart ? "… " : null}
        {context.before}
        <mark>{context.passage}</mark>
        {context.after}
        {context.truncatedEnd ? " …" : null}
      </p>
    </blockquote>
  );
}

"use client";
// Inside the claim's details form of the workspace: takes a passage selected in the source text
// beside it (./SourceText.tsx, ./workspace-passage.ts) into the form's passage rows
// (app/(desk)/admin/claims/ClaimFields.tsx: passage{i}SourceId, passage{i}Start, passage{i}End).
// It fills the row that already holds this exact passage (nothing to do), else the last row, the
// empty one the form always has. The editor saves the details to keep it.
import { useEffect, useRef } from "react";
import { onPassageOffered } from "./workspace-passage";

type Field = HTMLInputElement | HTMLSelectElement;

export function ClaimPassageTarget() {
  const anchor = useRef<HTMLSpanElement>(null);
  useEffect(
    () =>
      onPassageOffered((passage) => {
        const form = anchor.current?.closest("form");
        if (!form) return;
        const field = (name: string) => form.elements.namedItem(name) as Field | null;
        const rows: { source: Field; start: Field; end: Field }[] = [];
        for (let i = 0; ; i++) {
          const source = field(`passage${i}SourceId`);
          const start = field(`passage${i}Start`);
          const end = field(`passage${i}End`);
          if (!source || !start || !end) break;
          rows.push({ source, start, end });
        }
        const same = rows.findIndex((r) => r.source.value === passage.sourceId && r.start.value === String(passage.start) && r.end.value === String(passage.end));
        const index = same >= 0 ? same : rows.length - 1;
        const row = rows[index];
        if (!row) return;
        row.source.value = passage.sourceId;
        if (row.source.value !== passage.sourceId) return; // not a source this form offers
        row.start.value = String(passage.start);
        row.end.value = String(passage.end);
        passage.taken = { form: "claim", row: index + 1 };
      }),
    [],
  );
  return <span ref={anchor} hidden />;
}

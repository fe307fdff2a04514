"use client";
// A file input for ActionForm: label, hint, the server's errors for the field, and a check of
// the size and type in the browser before the upload (the server checks the same and more:
// the browser's check only saves a long upload that would be refused). A browser never keeps
// a chosen file after the form was answered, so the hint says to choose it again.
import { useState } from "react";
import { useFieldErrors, useFormState } from "./ActionForm";

export function FileField({
  name,
  label,
  hint,
  accept,
  maxBytes,
  extensions,
}: {
  name: string;
  label: string;
  hint?: string;
  /** The accept attribute, e.g. ".txt,.html,text/plain,text/html". */
  accept?: string;
  maxBytes?: number;
  /** Allowed extensions without the dot, lower case. */
  extensions?: readonly string[];
}) {
  const state = useFormState();
  const errors = useFieldErrors(name);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = problem ? [problem] : errors;
  const errorId = shown.length ? `${name}-error` : undefined;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
          {state.status === "error" ? " Eine gewählte Datei muss nach einer Fehlermeldung neu ausgewählt werden." : ""}
        </span>
      )}
      <input
        key={state.status === "idle" ? 0 : state.at}
        id={name}
        name={name}
        type="file"
        accept={accept}
        aria-invalid={shown.length > 0 || undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          let message: string | null = null;
          if (file) {
            const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
            if (extensions && !extensions.includes(extension)) {
              message = `„${file.name}“ ist keine ${extensions.map((x) => `.${x}`).join("- oder ")}-Datei.`;
            } else if (maxBytes && file.size > maxBytes) {
              const mb = (n: number) => `${(n / 1_000_000).toLocaleString("de-DE", { maximumFractionDigits: 1 })} MB`;
              message = `Die Datei „${file.name}“ ist zu groß (${mb(file.size)}); höchstens ${mb(maxBytes)} sind möglich.`;
            } else if (file.size === 0) {
              message = `Die Datei „${file.name}“ ist leer (0 Bytes).`;
            }
          }
          input.setCustomValidity(message ?? "");
          setProblem(message);
        }}
      />
      {errorId && (
        <span id={errorId} className="field__error">
          {shown.join(" ")}
        </span>
      )}
    </div>
  );
}

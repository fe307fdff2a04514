"use client";
// A file input for ActionForm: label, hint, the server's errors for the field, and a check of
// the size and type in the browser before the upload (the server checks the same and more:
// the browser's check only saves a long upload that would be refused). A browser never keeps
// a chosen file after the form was answered, so the hint says to choose it again.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFieldErrors, useFormState } from "./ActionForm";
import { useMessageText } from "./useMessageText";

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
  const text = useMessageText();
  const t = useTranslations("desk.form.file");
  const [problem, setProblem] = useState<string | null>(null);
  const shown = problem ? [problem] : errors.map(text);
  const errorId = shown.length ? `${name}-error` : undefined;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
          {state.status === "error" ? ` ${t("chooseAgain")}` : ""}
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
              message = t("wrongType", { name: file.name, types: extensions.map((x) => `.${x}`).join(", ") });
            } else if (maxBytes && file.size > maxBytes) {
              message = t("tooLarge", { name: file.name, size: file.size / 1_000_000, max: maxBytes / 1_000_000 });
            } else if (file.size === 0) {
              message = t("empty", { name: file.name });
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

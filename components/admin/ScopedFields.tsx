"use client";
// Form fields like those of ./Fields.tsx (label, the user's last input after a refused save,
// the field's errors), for pages with several forms that share field names: the claim page has
// a "note" in the evidence form and in the workflow steps, a "verdictId" in the verdict form
// and in the correction form, one evidence form per piece of evidence. Fields.tsx uses the name
// as the element id, which must be unique in the page; these take an `idPrefix`.
// (If Fields.tsx learns an optional id, these can go.)
import type { ReactNode } from "react";
import { useFieldValue, useFormState } from "./ActionForm";

function useScopedField(idPrefix: string, name: string, stored: string | string[] | undefined) {
  const state = useFormState();
  const errors = state.status === "error" ? (state.fieldErrors?.[name] ?? []) : [];
  const value = useFieldValue(name, stored);
  const id = `${idPrefix}-${name}`;
  return {
    id,
    errors,
    value,
    key: `${id}-${state.status === "idle" ? 0 : state.at}`,
    errorId: errors.length ? `${id}-error` : undefined,
  };
}

interface Common {
  idPrefix: string;
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
}

function Label({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={htmlFor}>
      {label}
      {required && <span aria-hidden="true"> *</span>}
    </label>
  );
}

function describedBy(errorId: string | undefined, hintId: string | undefined): string | undefined {
  return [errorId, hintId].filter(Boolean).join(" ") || undefined;
}

export function ScopedTextField({
  idPrefix,
  name,
  label,
  hint,
  required,
  disabled,
  defaultValue,
  type = "text",
  ...rest
}: Common & { defaultValue?: string | null; type?: "text" | "number" | "date"; min?: number; step?: string; maxLength?: number; placeholder?: string }) {
  const f = useScopedField(idPrefix, name, defaultValue ?? undefined);
  const hintId = hint ? `${f.id}-hint` : undefined;
  return (
    <div className="field">
      <Label htmlFor={f.id} label={label} required={required} />
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
      <input
        key={f.key}
        id={f.id}
        name={name}
        type={type}
        required={required}
        disabled={disabled}
        defaultValue={f.value as string | undefined}
        aria-invalid={f.errors.length > 0 || undefined}
        aria-describedby={describedBy(f.errorId, hintId)}
        {...rest}
      />
      {f.errorId && (
        <span id={f.errorId} className="field__error">
          {f.errors.join(" ")}
        </span>
      )}
    </div>
  );
}

export function ScopedTextArea({ idPrefix, name, label, hint, required, disabled, defaultValue, rows = 4 }: Common & { defaultValue?: string | null; rows?: number }) {
  const f = useScopedField(idPrefix, name, defaultValue ?? undefined);
  const hintId = hint ? `${f.id}-hint` : undefined;
  return (
    <div className="field">
      <Label htmlFor={f.id} label={label} required={required} />
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
      <textarea
        key={f.key}
        id={f.id}
        name={name}
        rows={rows}
        required={required}
        disabled={disabled}
        defaultValue={f.value as string | undefined}
        aria-invalid={f.errors.length > 0 || undefined}
        aria-describedby={describedBy(f.errorId, hintId)}
      />
      {f.errorId && (
        <span id={f.errorId} className="field__error">
          {f.errors.join(" ")}
        </span>
      )}
    </div>
  );
}

export function ScopedSelect({
  idPrefix,
  name,
  label,
  hint,
  required,
  disabled,
  defaultValue,
  options,
  emptyLabel,
}: Common & { defaultValue?: string | null; options: { value: string; label: string }[]; emptyLabel?: string }) {
  const f = useScopedField(idPrefix, name, defaultValue ?? undefined);
  const hintId = hint ? `${f.id}-hint` : undefined;
  return (
    <div className="field">
      <Label htmlFor={f.id} label={label} required={required} />
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
      <select
        key={f.key}
        id={f.id}
        name={name}
        required={required}
        disabled={disabled}
        defaultValue={(f.value as string | undefined) ?? ""}
        aria-invalid={f.errors.length > 0 || undefined}
        aria-describedby={describedBy(f.errorId, hintId)}
      >
        {emptyLabel !== undefined || !required ? <option value="">{emptyLabel ?? "– keine –"}</option> : <option value="">– bitte wählen –</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {f.errorId && (
        <span id={f.errorId} className="field__error">
          {f.errors.join(" ")}
        </span>
      )}
    </div>
  );
}

/** The errors of a field key that no single input shows (e.g. "passages"). */
export function GroupErrors({ name, id }: { name: string; id: string }) {
  const state = useFormState();
  const errors = state.status === "error" ? (state.fieldErrors?.[name] ?? []) : [];
  if (errors.length === 0) return null;
  return (
    <div id={id} className="field__error">
      {errors.map((e, i) => (
        <p key={i}>{e}</p>
      ))}
    </div>
  );
}

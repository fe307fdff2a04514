"use client";
// Form fields for ActionForm: label, the value to show (the user's last input after a refused
// save, else the stored value), the field's errors, linked with aria-describedby.
import type { ReactNode } from "react";
import { useFieldValue, useFormState } from "./ActionForm";

function useField(name: string, stored: string | string[] | undefined) {
  const state = useFormState();
  const errors = state.status === "error" ? (state.fieldErrors?.[name] ?? []) : [];
  const value = useFieldValue(name, stored);
  // Re-mount after each answer so that defaultValue takes the returned value.
  const key = `${name}-${state.status === "idle" ? 0 : state.at}`;
  return { errors, value, key, errorId: errors.length ? `${name}-error` : undefined };
}

function Errors({ id, errors }: { id?: string; errors: string[] }) {
  if (!id) return null;
  return (
    <span id={id} className="field__error">
      {errors.join(" ")}
    </span>
  );
}

interface Common {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
}

export function TextField({
  name,
  label,
  hint,
  required,
  defaultValue,
  type = "text",
  ...rest
}: Common & { defaultValue?: string | null; type?: "text" | "email" | "url" | "date" | "number" | "password" | "search"; autoComplete?: string; step?: string; minLength?: number; maxLength?: number; placeholder?: string; list?: string; onInput?: (e: React.FormEvent<HTMLInputElement>) => void }) {
  const f = useField(name, defaultValue ?? undefined);
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && <span className="field__hint" id={`${name}-hint`}>{hint}</span>}
      <input
        key={f.key}
        id={name}
        name={name}
        type={type}
        required={required}
        defaultValue={type === "password" ? undefined : (f.value as string | undefined)}
        aria-invalid={f.errors.length > 0 || undefined}
        aria-describedby={[f.errorId, hint ? `${name}-hint` : undefined].filter(Boolean).join(" ") || undefined}
        {...rest}
      />
      <Errors id={f.errorId} errors={f.errors} />
    </div>
  );
}

export function TextArea({ name, label, hint, required, defaultValue, rows = 5 }: Common & { defaultValue?: string | null; rows?: number }) {
  const f = useField(name, defaultValue ?? undefined);
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && <span className="field__hint" id={`${name}-hint`}>{hint}</span>}
      <textarea
        key={f.key}
        id={name}
        name={name}
        rows={rows}
        required={required}
        defaultValue={f.value as string | undefined}
        aria-invalid={f.errors.length > 0 || undefined}
        aria-describedby={[f.errorId, hint ? `${name}-hint` : undefined].filter(Boolean).join(" ") || undefined}
      />
      <Errors id={f.errorId} errors={f.errors} />
    </div>
  );
}

export function Select({
  name,
  label,
  hint,
  required,
  defaultValue,
  options,
  multiple,
  emptyLabel,
}: Common & { defaultValue?: string | string[] | null; options: { value: string; label: string }[]; multiple?: boolean; emptyLabel?: string }) {
  const f = useField(name, defaultValue ?? undefined);
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && <span className="field__hint" id={`${name}-hint`}>{hint}</span>}
      <select
        key={f.key}
        id={name}
        name={multiple ? `${name}[]` : name}
        multiple={multiple}
        required={required}
        defaultValue={f.value ?? (multiple ? [] : "")}
        aria-invalid={f.errors.length > 0 || undefined}
        aria-describedby={[f.errorId, hint ? `${name}-hint` : undefined].filter(Boolean).join(" ") || undefined}
      >
        {!multiple && <option value="">{emptyLabel ?? "– bitte wählen –"}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Errors id={f.errorId} errors={f.errors} />
    </div>
  );
}

export function Checkbox({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  const f = useField(name, defaultChecked ? "on" : undefined);
  return (
    <div className="field field--checkbox">
      <input key={f.key} id={name} name={name} type="checkbox" defaultChecked={f.value === "on" || f.value === "true"} />
      <label htmlFor={name}>{label}</label>
    </div>
  );
}

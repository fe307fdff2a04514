"use client";
// Form fields for ActionForm: label, the value to show (the user's last input after a refused
// save, else the stored value), the field's errors, linked with aria-describedby. The element
// id is the field name, or `${idPrefix}-${name}` where a page has several forms with the same
// field names (the claim page: one form per piece of evidence, a note in each workflow step).
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useFieldErrors, useFieldValue, useFormState } from "./ActionForm";
import { useMessageText } from "./useMessageText";

function useField(name: string, stored: string | string[] | undefined, idPrefix?: string) {
  const state = useFormState();
  const errors = useFieldErrors(name);
  const value = useFieldValue(name, stored);
  const id = idPrefix ? `${idPrefix}-${name}` : name;
  return {
    id,
    errors,
    value,
    // Re-mount after each answer so that defaultValue takes the returned value.
    key: `${id}-${state.status === "idle" ? 0 : state.at}`,
    errorId: errors.length ? `${id}-error` : undefined,
    hintId: `${id}-hint`,
  };
}

type Field = ReturnType<typeof useField>;

interface Common {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  idPrefix?: string;
}

/** Label, hint, the control, and its errors. */
function Frame({ f, label, hint, required, children }: { f: Field; label: string; hint?: ReactNode; required?: boolean; children: ReactNode }) {
  const text = useMessageText();
  return (
    <div className="field">
      <label htmlFor={f.id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <span className="field__hint" id={f.hintId}>
          {hint}
        </span>
      )}
      {children}
      {f.errorId && (
        <span id={f.errorId} className="field__error">
          {f.errors.map(text).join(" ")}
        </span>
      )}
    </div>
  );
}

/** What every control carries: its id, required/disabled, and its errors and hint for assistive technology. */
function control(f: Field, { required, disabled, hint }: { required?: boolean; disabled?: boolean; hint?: ReactNode }) {
  return {
    id: f.id,
    required,
    disabled,
    "aria-invalid": f.errors.length > 0 || undefined,
    "aria-describedby": [f.errorId, hint ? f.hintId : undefined].filter(Boolean).join(" ") || undefined,
  };
}

export function TextField({
  name,
  label,
  hint,
  required,
  disabled,
  idPrefix,
  defaultValue,
  type = "text",
  ...rest
}: Common & {
  defaultValue?: string | null;
  type?: "text" | "email" | "url" | "date" | "number" | "password" | "search";
  autoComplete?: string;
  step?: string;
  min?: number;
  minLength?: number;
  maxLength?: number;
  placeholder?: string;
  list?: string;
  onInput?: (e: React.FormEvent<HTMLInputElement>) => void;
}) {
  const f = useField(name, defaultValue ?? undefined, idPrefix);
  return (
    <Frame f={f} label={label} hint={hint} required={required}>
      <input
        key={f.key}
        name={name}
        type={type}
        defaultValue={type === "password" ? undefined : (f.value as string | undefined)}
        {...control(f, { required, disabled, hint })}
        {...rest}
      />
    </Frame>
  );
}

export function TextArea({ name, label, hint, required, disabled, idPrefix, defaultValue, rows = 5 }: Common & { defaultValue?: string | null; rows?: number }) {
  const f = useField(name, defaultValue ?? undefined, idPrefix);
  return (
    <Frame f={f} label={label} hint={hint} required={required}>
      <textarea key={f.key} name={name} rows={rows} defaultValue={f.value as string | undefined} {...control(f, { required, disabled, hint })} />
    </Frame>
  );
}

export function Select({
  name,
  label,
  hint,
  required,
  disabled,
  idPrefix,
  defaultValue,
  options,
  multiple,
  emptyLabel,
}: Common & { defaultValue?: string | string[] | null; options: { value: string; label: string }[]; multiple?: boolean; emptyLabel?: string }) {
  const f = useField(name, defaultValue ?? undefined, idPrefix);
  const t = useTranslations("desk.form");
  return (
    <Frame f={f} label={label} hint={hint} required={required}>
      <select
        key={f.key}
        name={multiple ? `${name}[]` : name}
        multiple={multiple}
        defaultValue={f.value ?? (multiple ? [] : "")}
        {...control(f, { required, disabled, hint })}
      >
        {!multiple && <option value="">{emptyLabel ?? (required ? t("choose") : t("none"))}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function Checkbox({ name, label, defaultChecked, idPrefix }: { name: string; label: string; defaultChecked?: boolean; idPrefix?: string }) {
  const f = useField(name, defaultChecked ? "on" : undefined, idPrefix);
  return (
    <div className="field field--checkbox">
      <input key={f.key} id={f.id} name={name} type="checkbox" defaultChecked={f.value === "on" || f.value === "true"} />
      <label htmlFor={f.id}>{label}</label>
    </div>
  );
}

/** The errors of a field key that no single input shows (e.g. "passages"). */
export function GroupErrors({ name, id }: { name: string; id: string }) {
  const errors = useFieldErrors(name);
  const text = useMessageText();
  if (errors.length === 0) return null;
  return (
    <div id={id} className="field__error">
      {errors.map((e, i) => (
        <p key={i}>{text(e)}</p>
      ))}
    </div>
  );
}

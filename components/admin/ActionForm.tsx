"use client";
// A form bound to a server action made with defineAction. It shows the outcome (success,
// error, conflict), keeps what the user typed when the save is refused (React resets
// uncontrolled forms after an action, so fields re-mount with the returned values), and on a
// conflict shows the newer values beside the user's input and carries the newer version, so
// the next save is a deliberate merge.
//
// Messages of the answer are codes with parameters (lib/messages.ts), shown in the page's
// language (useMessageText).
import { createContext, useActionState, useContext, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/lib/actions/define";
import { IDLE, type ActionState } from "@/lib/actions/state";
import type { Message } from "@/lib/messages";
import { useMessageText } from "./useMessageText";

const FormStateContext = createContext<ActionState>(IDLE);

export function useFormState(): ActionState {
  return useContext(FormStateContext);
}

/** The value a field should show: what the user sent last, else the stored value. */
export function useFieldValue(name: string, stored: string | string[] | undefined): string | string[] | undefined {
  const state = useFormState();
  if (state.status === "error" && state.values && name in state.values) return state.values[name];
  return stored;
}

/** The errors of a field key in the last answer (none unless it refused the save). */
export function useFieldErrors(name: string): Message[] {
  const state = useFormState();
  return state.status === "error" ? (state.fieldErrors?.[name] ?? []) : [];
}

/**
 * What the user sent with a refused save for a group of repeated fields (inputs `name[]`):
 * one row per entry, keyed by field name; undefined when there is no such answer or it
 * holds none of these fields.
 */
export function useSentRows(names: readonly string[]): Record<string, string>[] | undefined {
  const state = useFormState();
  const sent = state.status === "error" ? state.values : undefined;
  if (!sent || !names.some((name) => name in sent)) return undefined;
  const lists = names.map((name) => {
    const v = sent[name];
    return Array.isArray(v) ? v : v === undefined ? [] : [v];
  });
  const count = Math.max(0, ...lists.map((l) => l.length));
  return Array.from({ length: count }, (_, i) => Object.fromEntries(names.map((name, j) => [name, lists[j]?.[i] ?? ""])));
}

export function ActionForm({
  action,
  children,
  submitLabel,
  version,
  hidden = {},
  className,
  confirm,
  resetOnSuccess = false,
}: {
  action: FormAction;
  children?: ReactNode;
  submitLabel: string;
  /** The version of the record the form was loaded with. */
  version?: number;
  hidden?: Record<string, string>;
  className?: string;
  /** A question to confirm before submitting (destructive actions). */
  confirm?: string;
  resetOnSuccess?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const t = useTranslations("desk.form");
  const currentVersion = state.status === "error" && state.conflict ? state.conflict.currentVersion : version;
  return (
    <FormStateContext.Provider value={state}>
      <form
        action={formAction}
        className={className ?? "admin-form"}
        key={resetOnSuccess && state.status === "ok" ? state.at : undefined}
        onSubmit={confirm ? (e) => (window.confirm(confirm) ? undefined : e.preventDefault()) : undefined}
      >
        {currentVersion !== undefined && <input type="hidden" name="version" value={currentVersion} />}
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <FormStatus state={state} />
        {children}
        <div className="admin-form__actions">
          <button type="submit" disabled={pending} aria-disabled={pending}>
            {pending ? t("saving") : submitLabel}
          </button>
        </div>
      </form>
    </FormStateContext.Provider>
  );
}

function FormStatus({ state }: { state: ActionState }) {
  const text = useMessageText();
  if (state.status === "idle") return <div role="status" aria-live="polite" className="form-status" />;
  if (state.status === "ok") {
    return (
      <div role="status" aria-live="polite" className="form-status form-status--ok">
        {text(state.message)}
      </div>
    );
  }
  return (
    <div role="alert" className="form-status form-status--error">
      <p>{text(state.message)}</p>
      {state.conflict && <ConflictTable state={state} />}
    </div>
  );
}

function display(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  const s = String(value);
  return /^\d{4}-\d{2}-\d{2}T/.test(s) ? s.slice(0, 10) : s;
}

function ConflictTable({ state }: { state: Extract<ActionState, { status: "error" }> }) {
  const t = useTranslations("desk.form.conflict");
  const current = state.conflict?.current ?? {};
  const mine = state.values ?? {};
  const fields = Object.keys(mine).filter((k) => k !== "version" && k !== "id" && k in current && display(mine[k]) !== display(current[k]));
  if (fields.length === 0) return <p>{t("same")}</p>;
  return (
    <table className="conflict-table">
      <caption>{t("caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("field")}</th>
          <th scope="col">{t("yours")}</th>
          <th scope="col">{state.conflict?.changedBy ? t("savedBy", { name: state.conflict.changedBy }) : t("savedBySomeone")}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f}>
            <th scope="row">{f}</th>
            <td>{display(mine[f])}</td>
            <td>{display(current[f])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

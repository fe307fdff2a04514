"use client";
// A repeated group of inputs inside an ActionForm (a speaker's roles, a quote's translations):
// one row per entry, each input named `<column>[]`, so the server receives parallel lists
// (zipped back into rows by the domain schema, see zipRows in lib/editorial/fields.ts).
// Rows can be added and removed without JavaScript-only data: what is on screen is what is
// sent. After a refused save the rows show what the user sent.
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useFieldErrors, useFormState, useSentRows } from "./ActionForm";
import { GroupErrors } from "./Fields";
// Its styles, so that any page using the component gets them (not only the ones that import it).
import "@/app/(desk)/admin/editorial.css";

export interface RowColumn {
  /** The form list name, without "[]". */
  name: string;
  label: string;
  type?: "text" | "date" | "number" | "textarea";
  placeholder?: string;
  /** The column's preferred width (flex basis, e.g. "12rem"); rows wrap when narrow. */
  width?: string;
  /** How much of the spare room the column takes (flex grow, default 1). */
  grow?: number;
  maxLength?: number;
}

type Row = Record<string, string>;

export function RowFields({
  legend,
  hint,
  errorKey,
  columns,
  rows,
  rowLabel,
  addLabel,
  emptyRows = 1,
}: {
  legend: string;
  hint?: string;
  /** The field-error key of the group (e.g. "roles"). */
  errorKey: string;
  columns: RowColumn[];
  /** The stored rows, keyed by column name. */
  rows: Row[];
  /** "Funktion" → rows are labelled "Funktion 1", "Funktion 2", ... (default: "Zeile"/"Row"). */
  rowLabel?: string;
  addLabel?: string;
  /** Blank rows shown after the stored ones. */
  emptyRows?: number;
}) {
  const state = useFormState();
  const t = useTranslations("desk.form.rows");
  const errors = useFieldErrors(errorKey);
  const initial: Row[] = useSentRows(columns.map((c) => c.name)) ?? [...rows, ...Array.from({ length: emptyRows }, () => ({}))];
  const errorId = errors.length ? `${errorKey}-error` : undefined;
  const hintId = hint ? `${errorKey}-hint` : undefined;
  // Re-mount with each answer of the server, so the rows take the returned values.
  return (
    <fieldset className="row-fields" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend>{legend}</legend>
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
      {errorId && <GroupErrors name={errorKey} id={errorId} />}
      <RowList key={state.status === "idle" ? 0 : state.at} columns={columns} initial={initial} rowLabel={rowLabel ?? t("row")} addLabel={addLabel ?? t("add")} />
    </fieldset>
  );
}

function RowList({ columns, initial, rowLabel, addLabel }: { columns: RowColumn[]; initial: Row[]; rowLabel: string; addLabel: string }) {
  // Keys (and the ids built from them) are deterministic, so server and browser render alike.
  const [rows, setRows] = useState(() => initial.map((values, i) => ({ key: `s${i}`, values })));
  const added = useRef(0);
  const t = useTranslations("desk.form.rows");
  return (
    <>
      {rows.map((row, i) => (
        <div key={row.key} className="row-fields__row" role="group" aria-label={`${rowLabel} ${i + 1}`}>
          <div className="row-fields__cells">
            {columns.map((c) => {
              const inputId = `${c.name}-${row.key}`;
              return (
                <div key={c.name} className="field" style={{ flex: `${c.grow ?? 1} 1 ${c.width ?? "10rem"}` }}>
                  <label htmlFor={inputId}>
                    {c.label}
                    <span className="visually-hidden">
                      {" "}
                      ({rowLabel} {i + 1})
                    </span>
                  </label>
                  {c.type === "textarea" ? (
                    <textarea id={inputId} name={`${c.name}[]`} rows={2} defaultValue={row.values[c.name] ?? ""} maxLength={c.maxLength} />
                  ) : (
                    <input
                      id={inputId}
                      name={`${c.name}[]`}
                      type={c.type ?? "text"}
                      defaultValue={row.values[c.name] ?? ""}
                      placeholder={c.placeholder}
                      maxLength={c.maxLength}
                    />
                  )}
                </div>
              );
            })}
          </div>
          <button
            type="button"
            className="button--link row-fields__remove"
            onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
          >
            {t("remove")}
            <span className="visually-hidden">
              {" "}
              ({rowLabel} {i + 1})
            </span>
          </button>
        </div>
      ))}
      <div>
        <button type="button" className="button button--secondary" onClick={() => setRows((all) => [...all, { key: `a${++added.current}`, values: {} }])}>
          {addLabel}
        </button>
      </div>
    </>
  );
}

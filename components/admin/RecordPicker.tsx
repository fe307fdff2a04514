"use client";
// A field that picks a record of a table without bound (a quote, a source, a speaker).
//
// Without JavaScript it is a <select> (./Fields.tsx Select) holding a bounded list: the current
// value(s) and the likely choices the page read (lib/editorial/choices.ts boundedChoices), so a
// page stays small whatever the size of the archive. With JavaScript a search box follows it: a
// WAI-ARIA combobox with a listbox popup that searches the whole table through
// /api/admin/choices/<kind>?q=… (Down/Up move, Enter picks, Escape closes or clears; the
// number of matches is announced). A picked record becomes an option of the select and is
// selected (added to the selection of a multiple one), so the form still sends the select's
// field, the record's id: the server actions and their schemas do not change, and anything
// listening to the select's change (./EvidencePassage.tsx) hears the pick.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Select } from "./Fields";
import { pickerKey } from "./picker-keys";
// Its styles, so that any page using the component gets them.
import "@/app/(desk)/admin/editorial.css";

export type RecordKind = "quote" | "source" | "speaker";

type Option = { value: string; label: string };

export interface RecordPickerProps {
  kind: RecordKind;
  name: string;
  label: string;
  options: Option[];
  defaultValue?: string | string[] | null;
  multiple?: boolean;
  emptyLabel?: string;
  required?: boolean;
  disabled?: boolean;
  hint?: ReactNode;
  idPrefix?: string;
}

/** Searches shorter than this wait for more letters. */
const MIN_QUERY = 2;
const DEBOUNCE_MS = 200;

export function RecordPicker({ kind, ...select }: RecordPickerProps) {
  const t = useTranslations("desk.picker");
  const [enhanced, setEnhanced] = useState(false);
  // Records picked by search: options of the select from then on (also after a refused save).
  const [extra, setExtra] = useState<Option[]>([]);
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const pending = useRef<string | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const id = useId();
  const inputId = `${id}-search`;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;

  useEffect(() => setEnhanced(true), []);

  // The search, a moment after the last keystroke; an older answer never replaces a newer one.
  useEffect(() => {
    const q = query.trim();
    if (q.length < MIN_QUERY) {
      setItems([]);
      setOpen(false);
      setActive(-1);
      setStatus("");
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      setStatus(t("searching"));
      try {
        const res = await fetch(`/api/admin/choices/${kind}?q=${encodeURIComponent(q)}`, { signal: abort.signal, headers: { accept: "application/json" } });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { items: Option[] };
        setItems(body.items);
        setOpen(body.items.length > 0);
        setActive(-1);
        setStatus(t("results", { count: body.items.length }));
      } catch (e) {
        if (!abort.signal.aborted) {
          setItems([]);
          setOpen(false);
          setStatus(t("failed"));
        }
        void e;
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query, kind, t]);

  // A picked record, once its option is in the select: selected, and the select's change heard.
  useEffect(() => {
    const value = pending.current;
    const el = wrapper.current?.querySelector<HTMLSelectElement>("select");
    if (value === null || !el) return;
    const option = [...el.options].find((o) => o.value === value);
    if (!option) return;
    pending.current = null;
    if (el.multiple) option.selected = true;
    else el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }, [extra]);

  const pick = (item: Option) => {
    pending.current = item.value;
    // A new array even when the option was there already, so that the effect above runs.
    setExtra((list) => [...list.filter((o) => o.value !== item.value), item]);
    setOpen(false);
    setActive(-1);
    setQuery("");
    setStatus(t(select.multiple ? "added" : "picked", { label: item.label }));
  };

  const listed = new Set(select.options.map((o) => o.value));
  const options = [...select.options, ...extra.filter((o) => !listed.has(o.value))];

  return (
    <div ref={wrapper} className="record-picker">
      <Select {...select} options={options} />
      {enhanced && !select.disabled ? (
        <div className="record-picker__search">
          <label htmlFor={inputId}>{t(`search.${kind}`)}</label>
          <span className="field__hint" id={`${inputId}-hint`}>
            {t("hint", { min: MIN_QUERY })}
          </span>
          <input
            id={inputId}
            type="text"
            role="combobox"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
            aria-describedby={`${inputId}-hint`}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onBlur={() => setOpen(false)}
            onFocus={() => setOpen(items.length > 0 && query.trim().length >= MIN_QUERY)}
            onKeyDown={(e) => {
              const r = pickerKey(e.key, { active, count: items.length, open });
              if (!r.handled) return;
              e.preventDefault();
              if (r.action === "pick") pick(items[r.active]!);
              else if (r.action === "clear") setQuery("");
              else {
                setActive(r.active);
                if (r.action === "open") setOpen(true);
                if (r.action === "close") setOpen(false);
              }
            }}
          />
          <ul id={listId} role="listbox" aria-label={t(`search.${kind}`)} className="record-picker__list" hidden={!open}>
            {items.map((item, i) => (
              <li
                key={item.value}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? "record-picker__option record-picker__option--active" : "record-picker__option"}
                translate="no"
                // Picked before the input's blur closes the list.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(item)}
              >
                {item.label}
              </li>
            ))}
          </ul>
          {/* A live region without the status role: the form's own status (its outcome) stays
              the one status of the form. */}
          <p className="visually-hidden" aria-live="polite" aria-atomic="true">
            {status}
          </p>
        </div>
      ) : null}
    </div>
  );
}

"use client";
// Where a quote appears: one row per appearance, each a source and a passage [start, end) of
// its stored text. After a source is chosen its text is loaded (GET
// /api/admin/sources/[id]/text) into a scrollable box; the editor selects the words with the
// mouse or the keyboard and takes the selection over with "Markierung übernehmen", which fills
// the start/end inputs (and the quote text when it is still empty). Start and end stay
// ordinary number inputs, so the passage can also be typed.
//
// Offsets are JavaScript string offsets (UTF-16 code units) into the stored text, as the
// server checks them: the box holds nothing but the text (split around the highlighted
// passage), and an offset is the length of the text of a Range from the box's start to the
// selection boundary.
import { useEffect, useRef, useState, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { useFieldErrors, useFormState, useSentRows } from "./ActionForm";
import { GroupErrors } from "./Fields";
// Its styles, so that any page using the component gets them (not only the ones that import it).
import "@/app/(desk)/admin/editorial.css";

export interface PassageSourceOption {
  value: string;
  label: string;
  hasText?: boolean;
}

export interface PassageRow {
  sourceId: string;
  start: string;
  end: string;
}

export const PASSAGE_FIELDS = { source: "appearanceSource", start: "appearanceStart", end: "appearanceEnd" } as const;

const short = (s: string, max = 120) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

const toInt = (s: string | undefined): number | null => {
  if (s === undefined || s.trim() === "") return null;
  const n = Number(s);
  return Number.isInteger(n) ? n : null;
};

/** The selection's offsets within `container`'s text, or why there are none. (Also the claim
 * workspace's source text and the evidence form: ./SourceText.tsx, ./EvidencePassage.tsx.) */
export function selectionIn(container: HTMLElement): { start: number; end: number } | "none" | "outside" {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return "none";
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return "outside";
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

/** [start, end) without the spaces and line breaks at its edges (they are no part of a
 * passage); null when nothing else is left. */
export function trimmedRange(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return start < end ? { start, end } : null;
}

/** Why no passage was taken: the selection is elsewhere, there is none, or it is only spaces. */
export type PickRefusal = "outside" | "selectFirst" | "onlyWhitespace";

/** The passage of `text` the editor selected in `container` (or selected before, `remembered`,
 * when a click on a button has since cleared the selection), trimmed; else why there is none. */
export function pickedPassage(
  container: HTMLElement,
  text: string,
  remembered: { start: number; end: number } | null,
): { start: number; end: number } | PickRefusal {
  const current = selectionIn(container);
  if (current === "outside") return "outside";
  const picked = current === "none" ? remembered : current;
  if (!picked) return "selectFirst";
  return trimmedRange(text, picked.start, picked.end) ?? "onlyWhitespace";
}

export type LoadedText =
  | { state: "idle" }
  | { state: "loading" }
  | { state: "error"; status: number | null }
  | { state: "ready"; title: string; text: string | null; language?: string };

/** The stored text of the source `sourceId` (GET /api/admin/sources/[id]/text), loaded whenever
 * the source changes while `active`. */
export function useSourceText(sourceId: string, active = true): LoadedText {
  const [loaded, setLoaded] = useState<LoadedText>({ state: "idle" });
  useEffect(() => {
    if (!sourceId || !active) {
      setLoaded({ state: "idle" });
      return;
    }
    const controller = new AbortController();
    setLoaded({ state: "loading" });
    fetch(`/api/admin/sources/${encodeURIComponent(sourceId)}/text`, { signal: controller.signal, headers: { accept: "application/json" }, cache: "no-store" })
      .then(async (res) => {
        const body = (await res.json().catch(() => ({}))) as { title?: string; text?: string | null; language?: string };
        if (!res.ok) {
          setLoaded({ state: "error", status: res.status });
          return;
        }
        setLoaded({ state: "ready", title: body.title ?? "", text: body.text ?? null, language: body.language });
      })
      .catch(() => {
        if (controller.signal.aborted) return;
        setLoaded({ state: "error", status: null });
      });
    return () => controller.abort();
  }, [sourceId, active]);
  return loaded;
}

export function PassagePicker({
  sources,
  rows,
  preselectSourceId,
  textInputName = "text",
  errorKey = "appearances",
  legend,
}: {
  sources: PassageSourceOption[];
  /** The stored appearances. */
  rows: PassageRow[];
  /** For a new quote: the source of the first row (?sourceId=). */
  preselectSourceId?: string;
  /** The form field of the quote text, filled from the selection while it is empty. */
  textInputName?: string;
  errorKey?: string;
  legend?: string;
}) {
  const state = useFormState();
  const t = useTranslations("desk.passage");
  const errors = useFieldErrors(errorKey);
  const sent = useSentRows([PASSAGE_FIELDS.source, PASSAGE_FIELDS.start, PASSAGE_FIELDS.end]);
  const initial: PassageRow[] = sent
    ? sent.map((r) => ({ sourceId: r[PASSAGE_FIELDS.source] ?? "", start: r[PASSAGE_FIELDS.start] ?? "", end: r[PASSAGE_FIELDS.end] ?? "" }))
    : rows.length
      ? rows
      : [{ sourceId: preselectSourceId ?? "", start: "", end: "" }];
  const errorId = errors.length ? `${errorKey}-error` : undefined;
  return (
    <fieldset className="passage-picker" aria-describedby={errorId}>
      <legend>{legend ?? t("legend")}</legend>
      <span className="field__hint">{t("hint")}</span>
      {errorId && <GroupErrors name={errorKey} id={errorId} />}
      <RowList key={state.status === "idle" ? 0 : state.at} sources={sources} initial={initial} textInputName={textInputName} />
    </fieldset>
  );
}

function RowList({ sources, initial, textInputName }: { sources: PassageSourceOption[]; initial: PassageRow[]; textInputName: string }) {
  const [rows, setRows] = useState(() => initial.map((row, i) => ({ key: `s${i}`, row })));
  const added = useRef(0);
  const t = useTranslations("desk.passage");
  return (
    <>
      {rows.map(({ key, row }, i) => (
        <AppearanceRow
          key={key}
          rowKey={key}
          index={i}
          sources={sources}
          initial={row}
          textInputName={textInputName}
          onRemove={() => setRows((all) => all.filter((r) => r.key !== key))}
        />
      ))}
      <div>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setRows((all) => [...all, { key: `a${++added.current}`, row: { sourceId: "", start: "", end: "" } }])}
        >
          {t("add")}
        </button>
      </div>
    </>
  );
}

function AppearanceRow({
  rowKey,
  index,
  sources,
  initial,
  textInputName,
  onRemove,
}: {
  rowKey: string;
  index: number;
  sources: PassageSourceOption[];
  initial: PassageRow;
  textInputName: string;
  onRemove: () => void;
}) {
  const [sourceId, setSourceId] = useState(initial.sourceId);
  const loaded = useSourceText(sourceId);
  const [range, setRange] = useState(() => ({ start: toInt(initial.start), end: toInt(initial.end) }));
  const [message, setMessage] = useState("");
  const [quoteText, setQuoteText] = useState("");
  const t = useTranslations("desk.passage");
  const wrapper = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const mark = useRef<HTMLElement>(null);
  const startInput = useRef<HTMLInputElement>(null);
  const endInput = useRef<HTMLInputElement>(null);
  /** The last selection made inside the box (a click on the button may collapse it). */
  const remembered = useRef<{ start: number; end: number } | null>(null);
  const id = (what: string) => `appearance-${rowKey}-${what}`;

  // Follow the quote text field, to say whether the passage reads it.
  useEffect(() => {
    const form = wrapper.current?.closest("form");
    if (!form) return;
    const read = () => {
      const field = form.elements.namedItem(textInputName);
      setQuoteText(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement ? field.value : "");
    };
    read();
    const onInput = (e: Event) => {
      if ((e.target as HTMLInputElement | null)?.name === textInputName) read();
    };
    form.addEventListener("input", onInput);
    return () => form.removeEventListener("input", onInput);
  }, [textInputName]);

  // Remember selections made in the box (mouse or keyboard).
  useEffect(() => {
    const onChange = () => {
      const b = box.current;
      if (!b) return;
      const s = selectionIn(b);
      if (typeof s === "object") remembered.current = s;
      else if (s === "none") {
        const sel = window.getSelection();
        if (sel && sel.rangeCount > 0 && b.contains(sel.getRangeAt(0).startContainer)) remembered.current = null;
      }
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, []);

  const text = loaded.state === "ready" ? loaded.text : null;
  const valid = text !== null && range.start !== null && range.end !== null && range.start >= 0 && range.start < range.end && range.end <= text.length;

  // Bring the marked passage into view inside the box (not the page).
  useEffect(() => {
    const b = box.current;
    const m = mark.current;
    if (b && m) b.scrollTop = Math.max(0, m.offsetTop - b.clientHeight / 3);
  }, [valid, range.start, range.end, text]);

  const takeSelection = () => {
    const b = box.current;
    if (!b || text === null) return;
    // Leading and trailing spaces and line breaks are not part of the quote.
    const trimmed = pickedPassage(b, text, remembered.current);
    if (typeof trimmed === "string") {
      setMessage(t(trimmed));
      return;
    }
    const { start, end } = trimmed;
    if (startInput.current) startInput.current.value = String(start);
    if (endInput.current) endInput.current.value = String(end);
    setRange({ start, end });
    const passage = text.slice(start, end);
    const field = wrapper.current?.closest("form")?.elements.namedItem(textInputName);
    let filled = false;
    if ((field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) && field.value.trim() === "") {
      field.value = passage;
      setQuoteText(passage);
      filled = true;
    }
    remembered.current = null;
    window.getSelection()?.removeAllRanges();
    setMessage(t(filled ? "takenFilled" : "taken", { start: String(start), end: String(end), text: short(passage) }));
  };

  const onOffsetInput = () =>
    setRange({ start: toInt(startInput.current?.value), end: toInt(endInput.current?.value) });

  const passage = valid ? text.slice(range.start!, range.end!) : null;
  const expected = quoteText.replace(/\r\n?/g, "\n").trim();
  const instructionsId = id("instructions");

  return (
    <div ref={wrapper} className="passage-picker__row" role="group" aria-labelledby={id("title")}>
      <p className="passage-picker__title" id={id("title")}>
        {t("row", { n: index + 1 })}
      </p>
      <div className="field">
        <label htmlFor={id("source")}>{t("source")}</label>
        <select
          id={id("source")}
          name={`${PASSAGE_FIELDS.source}[]`}
          defaultValue={initial.sourceId}
          onChange={(e) => {
            setSourceId(e.target.value);
            setMessage("");
          }}
        >
          <option value="">{t("chooseSource")}</option>
          {sources.map((s) => (
            <option key={s.value} value={s.value}>
              {s.hasText === false ? t("withoutText", { label: s.label }) : s.label}
            </option>
          ))}
        </select>
      </div>

      {loaded.state === "loading" && <p className="muted">{t("loading")}</p>}
      {loaded.state === "error" && (
        <p className="field__error">{loaded.status === 404 ? t("notFound") : loaded.status ? t("loadFailedStatus", { status: String(loaded.status) }) : t("loadFailed")}</p>
      )}
      {loaded.state === "ready" && text === null && (
        <p className="field__error">
          {t("noText")} <a href={`/admin/sources/${encodeURIComponent(sourceId)}`}>{t("addText")}</a>.
        </p>
      )}
      {text !== null && (
        <>
          <p className="field__hint" id={instructionsId}>
            {t("instructions")}
          </p>
          <div
            ref={box}
            className="passage-picker__text"
            tabIndex={0}
            role="region"
            aria-label={t("textLabel", { title: short(loaded.state === "ready" ? loaded.title : "", 80) })}
            aria-describedby={instructionsId}
          >
            {valid ? (
              <>
                {text.slice(0, range.start!)}
                <mark ref={mark}>{passage}</mark>
                {text.slice(range.end!)}
              </>
            ) : (
              text
            )}
          </div>
          <div>
            <button type="button" className="button button--secondary" onMouseDown={(e) => e.preventDefault()} onClick={takeSelection}>
              {t("take")}
            </button>
          </div>
        </>
      )}

      <div className="passage-picker__offsets">
        <OffsetField inputRef={startInput} id={id("start")} label={t("start")} name={PASSAGE_FIELDS.start} min={0} max={text?.length} defaultValue={initial.start} onInput={onOffsetInput} />
        <OffsetField inputRef={endInput} id={id("end")} label={t("end")} name={PASSAGE_FIELDS.end} min={1} max={text?.length} defaultValue={initial.end} onInput={onOffsetInput} />
      </div>

      <p className="passage-picker__status" role="status" aria-live="polite">
        {message}
      </p>
      {passage !== null && expected !== "" && (
        <p className={passage === expected ? "passage-picker__match" : "passage-picker__mismatch"}>
          {passage === expected ? t("matches") : t("differs", { text: short(passage) })}
        </p>
      )}
      {text !== null && range.start !== null && range.end !== null && !valid && (
        <p className="field__error">{t("outsideText", { start: String(range.start), end: String(range.end), length: String(text.length) })}</p>
      )}
      <div>
        <button type="button" className="button--link" onClick={onRemove}>
          {t("remove", { n: index + 1 })}
        </button>
      </div>
    </div>
  );
}

/** A character offset of a passage (start, or end exclusive). */
function OffsetField({
  inputRef,
  id,
  label,
  name,
  min,
  max,
  defaultValue,
  onInput,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  id: string;
  label: string;
  /** The form list name, without "[]". */
  name: string;
  min: number;
  max: number | undefined;
  defaultValue: string;
  onInput: () => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input ref={inputRef} id={id} name={`${name}[]`} type="number" min={min} max={max} step={1} inputMode="numeric" defaultValue={defaultValue} onInput={onInput} />
    </div>
  );
}

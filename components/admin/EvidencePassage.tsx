"use client";
// The source and passage of a piece of evidence, picked the way a quote's appearance is
// (./PassagePicker.tsx): once a source is chosen its stored text is loaded into a box; the editor
// selects the passage and takes it over ("Take selection"), which fills start and end and the
// excerpt (which must be exactly the passage). Start and end stay number inputs, the excerpt a
// text field (the server finds the passage of an excerpt that appears once).
//
// The fields are the evidence form's own (sourceId, excerpt, start, end: lib/editorial/evidence.ts)
// and show their errors after a refused save. The form of new evidence also takes a passage
// selected in the workspace's source text (./SourceText.tsx). An edit form inside a closed
// <details> loads its source's text only when opened.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useFieldValue, useFormState } from "./ActionForm";
import { TextField } from "./Fields";
import { RecordPicker } from "./RecordPicker";
import { pickedPassage, selectionIn, useSourceText } from "./PassagePicker";
import { onPassageOffered } from "./workspace-passage";
// Its styles, so that any page using the component gets them.
import "@/app/(desk)/admin/editorial.css";

const short = (s: string, max = 120) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

const toInt = (s: string | undefined | null): number | null => {
  if (s === undefined || s === null || s.trim() === "") return null;
  const n = Number(s);
  return Number.isInteger(n) ? n : null;
};

const EXCERPT = "excerpt";

export interface EvidencePassageProps {
  idPrefix: string;
  sources: { value: string; label: string }[];
  labels: { source: string; start: string; end: string };
  initial?: { sourceId?: string; start?: string; end?: string };
  /** An edit form in a <details>: load the text when it is opened. */
  lazy?: boolean;
  /** The form of new evidence: takes passages selected in the workspace's source text. */
  takesWorkspacePassages?: boolean;
  /** The excerpt field, shown between the text and the offsets. */
  children?: ReactNode;
}

export function EvidencePassage(props: EvidencePassageProps) {
  const state = useFormState();
  // After each answer the fields re-mount with what was sent; so does this.
  return <Picker key={state.status === "idle" ? 0 : state.at} {...props} />;
}

function Picker({ idPrefix, sources, labels, initial = {}, lazy = false, takesWorkspacePassages = false, children }: EvidencePassageProps) {
  const t = useTranslations("desk.passage");
  const sentSource = useFieldValue("sourceId", initial.sourceId);
  const sentStart = useFieldValue("start", initial.start);
  const sentEnd = useFieldValue("end", initial.end);
  const [sourceId, setSourceId] = useState(typeof sentSource === "string" ? sentSource : "");
  const [active, setActive] = useState(!lazy);
  const loaded = useSourceText(sourceId, active);
  const [range, setRange] = useState(() => ({
    start: toInt(typeof sentStart === "string" ? sentStart : undefined),
    end: toInt(typeof sentEnd === "string" ? sentEnd : undefined),
  }));
  const [excerpt, setExcerpt] = useState("");
  const [message, setMessage] = useState("");
  const wrapper = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const remembered = useRef<{ start: number; end: number } | null>(null);

  const input = (name: string) => wrapper.current?.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name="${name}"]`) ?? null;

  // A form in a closed <details>: its text when it is opened.
  useEffect(() => {
    if (active) return;
    const details = wrapper.current?.closest("details");
    if (!details || details.open) {
      setActive(true);
      return;
    }
    const onToggle = () => {
      if (details.open) setActive(true);
    };
    details.addEventListener("toggle", onToggle);
    return () => details.removeEventListener("toggle", onToggle);
  }, [active]);

  // The excerpt as it stands (to say whether it reads like the passage).
  useEffect(() => {
    setExcerpt(input(EXCERPT)?.value ?? "");
  }, []);

  useEffect(() => {
    const onChange = () => {
      const c = content.current;
      if (!c) return;
      const s = selectionIn(c);
      if (typeof s === "object") remembered.current = s;
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, []);

  /** Start, end and excerpt set to the passage [start, end) of `text`. */
  const fill = (start: number, end: number, passage: string) => {
    const s = input("start");
    const e = input("end");
    const x = input(EXCERPT);
    if (s) s.value = String(start);
    if (e) e.value = String(end);
    if (x) x.value = passage;
    setRange({ start, end });
    setExcerpt(passage);
  };

  // A passage selected in the workspace's source text, for new evidence.
  useEffect(() => {
    if (!takesWorkspacePassages) return;
    return onPassageOffered((passage) => {
      const select = input("sourceId");
      if (!select) return;
      select.value = passage.sourceId;
      if (select.value !== passage.sourceId) return;
      setSourceId(passage.sourceId);
      setActive(true);
      fill(passage.start, passage.end, passage.text);
      setMessage(t("takenExcerpt", { start: String(passage.start), end: String(passage.end), text: short(passage.text) }));
      passage.taken = { form: "evidence" };
    });
    // (fill and input only use refs and state setters: the first render's are as good.)
  }, [takesWorkspacePassages]);

  const text = loaded.state === "ready" ? loaded.text : null;
  const valid = text !== null && range.start !== null && range.end !== null && range.start >= 0 && range.start < range.end && range.end <= text.length;

  useEffect(() => {
    const b = box.current;
    const m = b?.querySelector("mark");
    if (b && m instanceof HTMLElement) b.scrollTop = Math.max(0, m.offsetTop - b.clientHeight / 3);
  }, [valid, range.start, range.end, text]);

  const take = () => {
    const c = content.current;
    if (!c || text === null) return;
    const trimmed = pickedPassage(c, text, remembered.current);
    if (typeof trimmed === "string") {
      setMessage(t(trimmed));
      return;
    }
    const passage = text.slice(trimmed.start, trimmed.end);
    fill(trimmed.start, trimmed.end, passage);
    remembered.current = null;
    window.getSelection()?.removeAllRanges();
    setMessage(t("takenExcerpt", { start: String(trimmed.start), end: String(trimmed.end), text: short(passage) }));
  };

  const passage = valid ? text.slice(range.start!, range.end!) : null;
  const written = excerpt.replace(/\r\n?/g, "\n").trim();
  const instructions = `${idPrefix}-passage-instructions`;

  return (
    <div
      ref={wrapper}
      className="evidence-passage"
      onChange={(e) => {
        const target = e.target as EventTarget as HTMLSelectElement;
        if (target.name === "sourceId") {
          setSourceId(target.value);
          setMessage("");
        }
      }}
      onInput={(e) => {
        const target = e.target as EventTarget as HTMLInputElement;
        if (target.name === "start" || target.name === "end") setRange({ start: toInt(input("start")?.value), end: toInt(input("end")?.value) });
        if (target.name === EXCERPT) setExcerpt(target.value);
      }}
    >
      <RecordPicker kind="source" idPrefix={idPrefix} name="sourceId" label={labels.source} required defaultValue={initial.sourceId} options={sources} />
      {loaded.state === "loading" && <p className="muted">{t("loading")}</p>}
      {loaded.state === "error" && (
        <p className="field__error">{loaded.status === 404 ? t("notFound") : loaded.status ? t("loadFailedStatus", { status: String(loaded.status) }) : t("loadFailed")}</p>
      )}
      {loaded.state === "ready" && text === null && (
        <p className="muted">
          {t("noTextEvidence")} <a href={`/admin/sources/${encodeURIComponent(sourceId)}`}>{t("addText")}</a>.
        </p>
      )}
      {text !== null && (
        <>
          <p className="field__hint" id={instructions}>
            {t("evidenceInstructions")}
          </p>
          <div ref={box} className="passage-picker__text" tabIndex={0} role="region" aria-label={t("workspaceTextLabel")} aria-describedby={instructions}>
            <div ref={content} lang={loaded.state === "ready" ? loaded.language : undefined} translate="no">
              {valid ? (
                <>
                  {text.slice(0, range.start!)}
                  <mark>{passage}</mark>
                  {text.slice(range.end!)}
                </>
              ) : (
                text
              )}
            </div>
          </div>
          <div>
            <button type="button" className="button button--secondary" onMouseDown={(e) => e.preventDefault()} onClick={take}>
              {t("take")}
            </button>
          </div>
        </>
      )}
      <p className="passage-picker__status" role="status" aria-live="polite">
        {message}
      </p>
      {children}
      <div className="passage-picker__offsets">
        <TextField idPrefix={idPrefix} name="start" label={labels.start} type="number" min={0} defaultValue={initial.start ?? ""} />
        <TextField idPrefix={idPrefix} name="end" label={labels.end} type="number" min={0} defaultValue={initial.end ?? ""} />
      </div>
      {passage !== null && written !== "" && (
        <p className={passage === written ? "passage-picker__match" : "passage-picker__mismatch"}>
          {passage === written ? t("excerptMatches") : t("excerptDiffers", { text: short(passage) })}
        </p>
      )}
      {text !== null && range.start !== null && range.end !== null && !valid && (
        <p className="field__error">{t("outsideText", { start: String(range.start), end: String(range.end), length: String(text.length) })}</p>
      )}
    </div>
  );
}

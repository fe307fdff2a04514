"use client";
// The stored text of a claim's source in the claim workspace (the left column), with the claim's
// passages and its quotes' appearances marked, in a box that scrolls on its own (to the first
// mark when it appears). The server renders it whole, so it reads without JavaScript.
//
// The passage picker of the workspace: the editor selects words in the box and takes them over
// into the form of the open tab ("Use as the claim's passage" on Details, "Use for new
// evidence" on Evidence): ./workspace-passage.ts hands the passage to that form. Offsets are
// those of the stored text, as ./PassagePicker.tsx computes them.
import { Fragment, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { TextSegment } from "@/lib/editorial/workspace";
import { pickedPassage, selectionIn } from "./PassagePicker";
import { offerPassage } from "./workspace-passage";

const short = (s: string, max = 120) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

export function SourceText({
  sourceId,
  language,
  text,
  segments,
  target,
  describedBy,
}: {
  sourceId: string;
  language: string;
  text: string;
  segments: TextSegment[];
  /** The form of the open tab that takes a selected passage; null: none (no button). */
  target: "claim" | "evidence" | null;
  /** The id of what names the source (its title). */
  describedBy?: string;
}) {
  const t = useTranslations("desk.passage");
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState("");
  /** The last selection made inside the text (a click on the button may collapse it). */
  const remembered = useRef<{ start: number; end: number } | null>(null);

  // The first marked passage in view, inside the box (not the page).
  useEffect(() => {
    const b = box.current;
    const first = b?.querySelector("mark");
    if (b && first instanceof HTMLElement) b.scrollTop = Math.max(0, first.offsetTop - b.clientHeight / 3);
  }, [sourceId, segments]);

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

  const take = () => {
    const c = content.current;
    if (!c || !target) return;
    const trimmed = pickedPassage(c, text, remembered.current);
    if (typeof trimmed === "string") {
      // In the workspace, what to select first is said for its source text.
      setMessage(t(trimmed === "selectFirst" ? "workspaceSelectFirst" : trimmed));
      return;
    }
    const passage = text.slice(trimmed.start, trimmed.end);
    const taken = offerPassage({ sourceId, start: trimmed.start, end: trimmed.end, text: passage });
    remembered.current = null;
    window.getSelection()?.removeAllRanges();
    const values = { start: String(trimmed.start), end: String(trimmed.end), text: short(passage) };
    if (!taken) setMessage(t("workspaceNoForm"));
    else if (taken.form === "claim") setMessage(t("workspaceTakenClaim", { ...values, row: String(taken.row) }));
    else setMessage(t("workspaceTakenEvidence", values));
  };

  const instructions = `source-text-${sourceId}-instructions`;
  return (
    <div className="source-text">
      <p className="field__hint" id={instructions}>
        {target === "claim" ? t("workspaceInstructionsClaim") : target === "evidence" ? t("workspaceInstructionsEvidence") : t("workspaceInstructionsNone")}
      </p>
      <div
        ref={box}
        className="source-text__box"
        tabIndex={0}
        role="region"
        aria-label={t("workspaceTextLabel")}
        aria-describedby={[describedBy, instructions].filter(Boolean).join(" ")}
      >
        <div ref={content} lang={language} translate="no">
          {segments.map((s) =>
            s.marks.length ? (
              <mark key={s.start} className={s.marks.map((kind) => `source-mark--${kind}`).join(" ")}>
                {text.slice(s.start, s.end)}
              </mark>
            ) : (
              <Fragment key={s.start}>{text.slice(s.start, s.end)}</Fragment>
            ),
          )}
        </div>
      </div>
      {target ? (
        <div>
          <button type="button" className="button button--secondary" onMouseDown={(e) => e.preventDefault()} onClick={take}>
            {target === "claim" ? t("workspaceTakeClaim") : t("workspaceTakeEvidence")}
          </button>
        </div>
      ) : null}
      <p className="passage-picker__status" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}

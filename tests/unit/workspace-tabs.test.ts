// The claim workspace's rules that need no database: the tab list's keys (WAI-ARIA tabs), the
// tab a ?tab= value selects, the next steps its header offers in each state, and how the source
// text is cut around the marked passages.
import { describe, expect, it } from "vitest";
import { tabKeyTarget } from "../../components/admin/tab-keys";
import type { TransitionOption } from "../../lib/editorial/workflow";
import { markedSegments, nextSteps, workspaceTab, WORKSPACE_TABS } from "../../lib/editorial/workspace";

describe("the tab list's keys", () => {
  it("Right and Left move to the next and previous tab and wrap around", () => {
    expect(tabKeyTarget("ArrowRight", 0, 6)).toBe(1);
    expect(tabKeyTarget("ArrowRight", 4, 6)).toBe(5);
    expect(tabKeyTarget("ArrowRight", 5, 6)).toBe(0);
    expect(tabKeyTarget("ArrowLeft", 3, 6)).toBe(2);
    expect(tabKeyTarget("ArrowLeft", 0, 6)).toBe(5);
  });

  it("Home and End go to the first and the last tab", () => {
    expect(tabKeyTarget("Home", 4, 6)).toBe(0);
    expect(tabKeyTarget("End", 1, 6)).toBe(5);
  });

  it("leaves every other key to the browser (Tab, Enter, letters, Up and Down)", () => {
    for (const key of ["Tab", "Enter", " ", "a", "ArrowUp", "ArrowDown", "PageDown"]) expect(tabKeyTarget(key, 2, 6), key).toBeNull();
  });

  it("copes with one tab, none, and an index out of range", () => {
    expect(tabKeyTarget("ArrowRight", 0, 1)).toBe(0);
    expect(tabKeyTarget("ArrowLeft", 0, 1)).toBe(0);
    expect(tabKeyTarget("ArrowRight", 0, 0)).toBeNull();
    expect(tabKeyTarget("ArrowRight", 9, 3)).toBe(0); // from the last one
    expect(tabKeyTarget("ArrowLeft", -1, 3)).toBe(2); // from the first one
  });
});

describe("the tab of an address", () => {
  it("is the tab the value names", () => {
    for (const tab of WORKSPACE_TABS) expect(workspaceTab(tab)).toBe(tab);
    expect(workspaceTab(["evidence", "verdict"])).toBe("evidence");
  });

  it("is Details for none, an unknown value, or another spelling", () => {
    for (const value of [undefined, "", "unknown", "Verdict", "verdict ", "__proto__", "constructor", []]) expect(workspaceTab(value as string | string[] | undefined)).toBe("details");
  });
});

describe("the header's next steps", () => {
  const allowed = (transition: TransitionOption["transition"]): TransitionOption => ({ transition, allowed: true });
  const refused = (transition: TransitionOption["transition"]): TransitionOption => ({ transition, allowed: false, reason: { key: "msg.workflow.fourEyes" } });
  const shown = (steps: ReturnType<typeof nextSteps>) => steps.map((s) => `${s.option.transition}:${s.kind}:${s.option.allowed ? "yes" : "no"}`);

  it("offers a draft's research and submission, a submission not yet possible with its reason", () => {
    const steps = nextSteps("draft", [allowed("start_research"), refused("submit"), refused("approve")]);
    expect(shown(steps)).toEqual(["start_research:button:yes", "submit:button:no"]);
    expect(steps[1]!.option.reason).toEqual({ key: "msg.workflow.fourEyes" });
  });

  it("in research: the submission only (going back to draft or retracting is the Workflow tab's)", () => {
    expect(shown(nextSteps("in_research", [allowed("back_to_draft"), allowed("submit"), refused("approve"), allowed("retract")]))).toEqual(["submit:button:yes"]);
  });

  it("in review: approve as a button, reject as a link to its form (it needs a note)", () => {
    expect(shown(nextSteps("in_review", [allowed("withdraw"), allowed("approve"), allowed("reject"), refused("submit"), allowed("retract")]))).toEqual([
      "approve:button:yes",
      "reject:form:yes",
    ]);
  });

  it("in review for the verdict's author: approve refused (four eyes) is shown, reject refused is not", () => {
    expect(shown(nextSteps("in_review", [allowed("withdraw"), refused("approve"), refused("reject")]))).toEqual(["approve:button:no"]);
  });

  it("published: a correction, through its form; retracted: nothing", () => {
    expect(shown(nextSteps("published", [allowed("propose_correction"), allowed("retract"), refused("submit"), refused("approve")]))).toEqual(["propose_correction:form:yes"]);
    expect(shown(nextSteps("corrected", [refused("propose_correction")]))).toEqual([]);
    expect(nextSteps("retracted", [refused("submit"), refused("approve")])).toEqual([]);
  });
});

describe("the source text around its marked passages", () => {
  const text = "Putin sagte: Ich habe das nicht gemacht. Trump glaubt ihm.";
  const cut = (ranges: Parameters<typeof markedSegments>[1]) => markedSegments(text.length, ranges).map((s) => [text.slice(s.start, s.end), s.marks.join("+")]);

  it("is one plain piece without marks", () => {
    expect(cut([])).toEqual([[text, ""]]);
    expect(markedSegments(0, [])).toEqual([]);
  });

  it("marks a passage, with the text before and after it plain", () => {
    const start = text.indexOf("Ich");
    const end = text.indexOf(".") + 1;
    expect(cut([{ start, end, kind: "passage" }])).toEqual([
      ["Putin sagte: ", ""],
      ["Ich habe das nicht gemacht.", "passage"],
      [" Trump glaubt ihm.", ""],
    ]);
  });

  it("cuts overlapping marks at each boundary: a claim's passage inside its quote's appearance", () => {
    const quote = { start: text.indexOf("Ich"), end: text.indexOf(".") + 1, kind: "quote" as const };
    const passage = { start: text.indexOf("nicht"), end: text.indexOf("gemacht") + "gemacht".length, kind: "passage" as const };
    expect(cut([quote, passage])).toEqual([
      ["Putin sagte: ", ""],
      ["Ich habe das ", "quote"],
      ["nicht gemacht", "passage+quote"],
      [".", "quote"],
      [" Trump glaubt ihm.", ""],
    ]);
  });

  it("joins touching ranges of one kind, and leaves out ranges outside the text or empty", () => {
    expect(
      cut([
        { start: 0, end: 5, kind: "passage" },
        { start: 5, end: 11, kind: "passage" },
        { start: 20, end: 20, kind: "quote" },
        { start: 50, end: 500, kind: "quote" },
        { start: -1, end: 3, kind: "quote" },
      ]),
    ).toEqual([
      ["Putin sagte", "passage"],
      [text.slice(11), ""],
    ]);
  });

  it("gives back every character exactly once", () => {
    const segments = markedSegments(text.length, [
      { start: 3, end: 30, kind: "quote" },
      { start: 10, end: 40, kind: "passage" },
      { start: 35, end: 58, kind: "quote" },
    ]);
    expect(segments.map((s) => text.slice(s.start, s.end)).join("")).toBe(text);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBe(segments[i - 1]!.end);
  });
});

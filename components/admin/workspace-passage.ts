// How the claim workspace's source text (./SourceText.tsx) hands a selected passage to the form
// of the open tab: it dispatches this event on `window`; the form that takes passages there (the
// claim's details: ./ClaimPassageTarget.tsx; the new evidence: ./EvidencePassage.tsx) fills its
// fields and says so in `taken`, which the source text then announces. Nobody listening (a tab
// without such a form): `taken` stays unset.

export const WORKSPACE_PASSAGE_EVENT = "claimbase:workspace-passage";

export interface WorkspacePassage {
  sourceId: string;
  start: number;
  end: number;
  /** The passage itself: text.slice(start, end) of the source's stored text. */
  text: string;
  /** Set by the form that took it: the claim's details (the passage row, from 1) or the new evidence. */
  taken?: { form: "claim"; row: number } | { form: "evidence" };
}

/** Offers `passage` to the open form; what took it, if anything. */
export function offerPassage(passage: Omit<WorkspacePassage, "taken">): WorkspacePassage["taken"] {
  const detail: WorkspacePassage = { ...passage };
  window.dispatchEvent(new CustomEvent<WorkspacePassage>(WORKSPACE_PASSAGE_EVENT, { detail }));
  return detail.taken;
}

/** Listens for passages offered to the open form; returns the function that stops listening. */
export function onPassageOffered(take: (passage: WorkspacePassage) => void): () => void {
  const listener = (e: Event) => {
    const detail = (e as CustomEvent<WorkspacePassage>).detail;
    if (detail && !detail.taken) take(detail);
  };
  window.addEventListener(WORKSPACE_PASSAGE_EVENT, listener);
  return () => window.removeEventListener(WORKSPACE_PASSAGE_EVENT, listener);
}

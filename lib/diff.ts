// Word- and line-level differences between two texts, for the history view (compare two
// versions of a claim). Pure and dependency-free: the longest common subsequence of the two
// token lists, after cutting off the common beginning and end.
//
// Tokens keep the whitespace between words as tokens of their own, so joining the segments of
// one side gives that side back exactly: `before` = equal + del segments, `after` = equal + ins.

export type DiffSegment = { type: "equal" | "del" | "ins"; text: string };

/** Beyond this many edits (deleted + inserted tokens) the middle is shown as replaced whole. */
const MAX_EDITS = 2_000;

/** Words, runs of whitespace and single punctuation marks, in order. */
export function tokenizeWords(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];
}

/** Lines including their line break, so that joining them gives the text back. */
export function tokenizeLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function push(out: DiffSegment[], type: DiffSegment["type"], text: string): void {
  if (text === "") return;
  const last = out[out.length - 1];
  if (last && last.type === type) last.text += text;
  else out.push({ type, text });
}

/**
 * The shortest edit script between a and b (Myers' O((N+M)·D) algorithm, which finds a longest
 * common subsequence), as a list of operations; null when it needs more than `maxEdits` edits.
 */
function shortestEdit(a: readonly string[], b: readonly string[], maxEdits: number): DiffSegment[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] = v[-d..d] before round d.
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;

  // Walk back from (n, m), collecting operations in reverse.
  const ops: DiffSegment[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const snap = trace[d]!;
    const at = (k: number) => snap[k + d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ type: "equal", text: a[--x]! });
      y--;
    }
    if (x === prevX) ops.push({ type: "ins", text: b[--y]! });
    else ops.push({ type: "del", text: a[--x]! });
  }
  while (x > 0 && y > 0) {
    ops.push({ type: "equal", text: a[--x]! });
    y--;
  }
  return ops.reverse();
}

/** The diff of two token lists; segments of the same type are merged. `complete` is false
 * when the lists differ too much and the changed middle is shown as replaced whole. */
function diffTokenLists(a: readonly string[], b: readonly string[]): { segments: DiffSegment[]; complete: boolean } {
  const out: DiffSegment[] = [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  push(out, "equal", a.slice(0, start).join(""));
  const ops = shortestEdit(a.slice(start, endA), b.slice(start, endB), MAX_EDITS);
  if (ops) for (const op of ops) push(out, op.type, op.text);
  else {
    push(out, "del", a.slice(start, endA).join(""));
    push(out, "ins", b.slice(start, endB).join(""));
  }
  push(out, "equal", a.slice(endA).join(""));
  return { segments: tidy(out), complete: ops !== null };
}

/** The diff of two token lists; segments of the same type are merged. */
export function diffTokens(a: readonly string[], b: readonly string[]): DiffSegment[] {
  return diffTokenLists(a, b).segments;
}

/**
 * Reads better: a run of changes interrupted only by whitespace ("del ins ' ' del ins") becomes
 * one deletion and one insertion, so a replaced phrase shows as a whole. Runs that only delete
 * or only insert are left as they are.
 */
function tidy(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let k = 0;
  while (k < segments.length) {
    const s = segments[k]!;
    if (s.type === "equal") {
      out.push({ ...s });
      k++;
      continue;
    }
    // The run: changes, bridged by whitespace-only equal segments between two changes.
    let end = k;
    while (end < segments.length) {
      const t = segments[end]!;
      if (t.type !== "equal") end++;
      else if (/^\s+$/.test(t.text) && segments[end + 1] && segments[end + 1]!.type !== "equal") end++;
      else break;
    }
    const run = segments.slice(k, end);
    const mixed = run.some((t) => t.type === "del") && run.some((t) => t.type === "ins");
    if (mixed) {
      let del = "";
      let ins = "";
      for (const t of run) {
        if (t.type !== "ins") del += t.text;
        if (t.type !== "del") ins += t.text;
      }
      out.push({ type: "del", text: del }, { type: "ins", text: ins });
    } else {
      for (const t of run) push(out, t.type, t.text);
    }
    k = end;
  }
  return out;
}

/** Word-level diff of two texts (line-level when they differ in too many words). */
export function diffWords(before: string, after: string): DiffSegment[] {
  const words = diffTokenLists(tokenizeWords(before), tokenizeWords(after));
  return words.complete ? words.segments : diffLines(before, after);
}

/** Line-level diff of two texts. */
export function diffLines(before: string, after: string): DiffSegment[] {
  return diffTokens(tokenizeLines(before), tokenizeLines(after));
}

/** The text of one side of a diff. */
export function sideOf(segments: readonly DiffSegment[], side: "before" | "after"): string {
  const skip = side === "before" ? "ins" : "del";
  return segments
    .filter((s) => s.type !== skip)
    .map((s) => s.text)
    .join("");
}

/** True when the two sides are equal. */
export function unchanged(segments: readonly DiffSegment[]): boolean {
  return segments.every((s) => s.type === "equal");
}

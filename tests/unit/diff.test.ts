import { describe, expect, it } from "vitest";
import { diffLines, diffTokens, diffWords, sideOf, tokenizeLines, tokenizeWords, unchanged } from "../../lib/diff";

describe("tokenizeWords", () => {
  it("keeps words, whitespace and punctuation, and joins back to the text", () => {
    const text = "Der IS hat 95 Prozent verloren, sagte er.\nNeue Zeile";
    const tokens = tokenizeWords(text);
    expect(tokens.join("")).toBe(text);
    expect(tokens).toContain("Prozent");
    expect(tokens).toContain(",");
    expect(tokens).toContain("\n");
  });
  it("treats umlauts as letters", () => {
    expect(tokenizeWords("Äußerung größer")).toEqual(["Äußerung", " ", "größer"]);
  });
  it("returns nothing for empty text", () => {
    expect(tokenizeWords("")).toEqual([]);
    expect(tokenizeLines("")).toEqual([]);
  });
});

describe("diffWords", () => {
  it("reports equal texts as one equal segment", () => {
    const d = diffWords("gleich bleibt gleich", "gleich bleibt gleich");
    expect(d).toEqual([{ type: "equal", text: "gleich bleibt gleich" }]);
    expect(unchanged(d)).toBe(true);
  });

  it("marks a replaced word", () => {
    const d = diffWords("Der IS hat 95 Prozent verloren", "Der IS hat 96 Prozent verloren");
    expect(d).toEqual([
      { type: "equal", text: "Der IS hat " },
      { type: "del", text: "95" },
      { type: "ins", text: "96" },
      { type: "equal", text: " Prozent verloren" },
    ]);
  });

  it("marks insertions and deletions", () => {
    expect(diffWords("a c", "a b c")).toEqual([
      { type: "equal", text: "a " },
      { type: "ins", text: "b " },
      { type: "equal", text: "c" },
    ]);
    expect(diffWords("a b c", "a c")).toEqual([
      { type: "equal", text: "a " },
      { type: "del", text: "b " },
      { type: "equal", text: "c" },
    ]);
  });

  it("joins a replaced phrase into one deletion and one insertion", () => {
    const d = diffWords("Das ist richtig und gut.", "Das ist überwiegend falsch und gut.");
    expect(d).toEqual([
      { type: "equal", text: "Das ist " },
      { type: "del", text: "richtig" },
      { type: "ins", text: "überwiegend falsch" },
      { type: "equal", text: " und gut." },
    ]);
  });

  it("handles empty sides", () => {
    expect(diffWords("", "neu")).toEqual([{ type: "ins", text: "neu" }]);
    expect(diffWords("alt", "")).toEqual([{ type: "del", text: "alt" }]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("always gives both sides back exactly", () => {
    const pairs: [string, string][] = [
      ["Die Zahl entspricht den Angaben der Koalition.", "Die Zahl entspricht nicht ganz den Angaben der US-geführten Koalition vom November."],
      ["eins zwei drei vier fünf", "fünf vier drei zwei eins"],
      ["a\nb\nc\n", "a\nc\nd\n"],
      ["  führende Leerzeichen", "führende  Leerzeichen  "],
      ["x y z", "p q r"],
    ];
    for (const [a, b] of pairs) {
      const d = diffWords(a, b);
      expect(sideOf(d, "before")).toBe(a);
      expect(sideOf(d, "after")).toBe(b);
      // No two neighbours of the same type.
      for (let i = 1; i < d.length; i++) expect(d[i]!.type === d[i - 1]!.type).toBe(false);
    }
  });

  it("keeps the longest common subsequence", () => {
    const d = diffTokens(["a", "b", "c", "d", "e"], ["b", "x", "d", "e", "f"]);
    const kept = d.filter((s) => s.type === "equal").map((s) => s.text).join("");
    expect(kept).toBe("bde");
  });

  it("finds a longest common subsequence (checked against a DP table on random inputs)", () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const lcsLength = (a: string[], b: string[]) => {
      const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = a.length - 1; i >= 0; i--)
        for (let j = b.length - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
      return t[0]![0]!;
    };
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: Math.floor(rnd() * 12) }, () => "abcd"[Math.floor(rnd() * 4)]!);
      const b = Array.from({ length: Math.floor(rnd() * 12) }, () => "abcd"[Math.floor(rnd() * 4)]!);
      const d = diffTokens(a, b);
      expect(sideOf(d, "before")).toBe(a.join(""));
      expect(sideOf(d, "after")).toBe(b.join(""));
      const kept = d.filter((s) => s.type === "equal").map((s) => s.text).join("").length;
      expect(kept).toBe(lcsLength(a, b));
    }
  });

  // Its time is bounded by the edit length diffTokenLists allows (then it falls back to lines).
  it("stays correct on long texts", () => {
    const words = Array.from({ length: 3000 }, (_, i) => `wort${i % 97}`);
    const a = words.join(" ");
    const b = words.map((w, i) => (i % 500 === 0 ? "NEU" : w)).join(" ");
    const d = diffWords(a, b);
    expect(sideOf(d, "before")).toBe(a);
    expect(sideOf(d, "after")).toBe(b);
    expect(d.filter((s) => s.type === "ins").length).toBe(6);
  });
});

describe("diffLines", () => {
  it("compares whole lines", () => {
    const d = diffLines("eins\nzwei\ndrei\n", "eins\nZWEI\ndrei\n");
    expect(d).toEqual([
      { type: "equal", text: "eins\n" },
      { type: "del", text: "zwei\n" },
      { type: "ins", text: "ZWEI\n" },
      { type: "equal", text: "drei\n" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { passageInContext } from "../../lib/passage";

describe("passageInContext", () => {
  const text = "Eins zwei drei vier fünf sechs sieben acht neun zehn.";

  it("returns the passage exactly, with context on both sides", () => {
    const start = text.indexOf("fünf");
    const end = start + "fünf".length;
    const r = passageInContext(text, start, end, 10)!;
    expect(r.passage).toBe("fünf");
    // 10 characters after "fünf" end inside "sieben": the window stops before that word.
    expect(r.before + r.passage + r.after).toBe("drei vier fünf sechs");
    expect(r.truncatedStart).toBe(true);
    expect(r.truncatedEnd).toBe(true);
  });

  it("does not cut words at the edges of the window", () => {
    const start = text.indexOf("fünf");
    const r = passageInContext(text, start, start + 4, 7)!;
    // 7 characters before "fünf" start inside "drei": the window moves to the next word.
    expect(r.before).toBe("vier ");
    expect(r.after).toBe(" sechs");
  });

  it("keeps a cut word when the context is one long word", () => {
    const long = "Donaudampfschifffahrtsgesellschaftskapitän";
    const start = long.indexOf("gesellschaft");
    const r = passageInContext(long, start, start + "gesellschaft".length, 5)!;
    expect(r).toMatchObject({ before: "ahrts", after: "skapi", truncatedStart: true, truncatedEnd: true });
  });

  it("does not mark truncation at the ends of the text", () => {
    const r = passageInContext(text, 0, 4, 500)!;
    expect(r).toEqual({ before: "", passage: "Eins", after: text.slice(4), truncatedStart: false, truncatedEnd: false });
  });

  it("handles a radius of zero and an empty passage", () => {
    expect(passageInContext(text, 5, 9, 0)).toEqual({
      before: "",
      passage: "zwei",
      after: "",
      truncatedStart: true,
      truncatedEnd: true,
    });
    expect(passageInContext(text, 5, 5, 0)?.passage).toBe("");
  });

  it("never splits a surrogate pair at the window's edge", () => {
    const emoji = "a😀b passage c😀d";
    const start = emoji.indexOf("passage");
    const r = passageInContext(emoji, start, start + 7, 3)!;
    expect(r.before + r.after).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it("rejects offsets that do not describe a passage of the text", () => {
    expect(passageInContext(text, -1, 3)).toBeNull();
    expect(passageInContext(text, 5, 3)).toBeNull();
    expect(passageInContext(text, 0, text.length + 1)).toBeNull();
    expect(passageInContext(text, 1.5, 3)).toBeNull();
    expect(passageInContext(text, Number.NaN, 3)).toBeNull();
  });

  it("finds the seed article's claims at their annotated offsets", () => {
    const dir = path.resolve(import.meta.dirname, "../../data/seed");
    const article = fs.readFileSync(path.join(dir, "apec-2017-de.txt"), "utf8");
    const gold = JSON.parse(fs.readFileSync(path.join(dir, "apec-2017-de.gold.json"), "utf8")) as {
      claims: { id: string; text: string; span: [number, number] }[];
    };
    for (const claim of gold.claims) {
      const r = passageInContext(article, claim.span[0], claim.span[1], 120)!;
      expect(r.passage, claim.id).toBe(claim.text);
      expect(r.before.length).toBeLessThanOrEqual(120);
      expect(r.after.length).toBeLessThanOrEqual(120);
    }
  });
});

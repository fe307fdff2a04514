import { describe, expect, it } from "vitest";
import { slugify, uniqueSlug } from "../../lib/slug";

describe("slugify", () => {
  it("transliterates German and strips punctuation", () => {
    expect(slugify("Allerdings hat der IS bereits 95 Prozent seines Herrschaftsgebietes verloren.")).toBe(
      "allerdings-hat-der-is-bereits-95-prozent-seines-herrschaftsgebietes-verloren",
    );
    expect(slugify("Außenminister Sergej Lawrow «Grüße»")).toBe("aussenminister-sergej-lawrow-gruesse");
    expect(slugify("Baschar al-Assad")).toBe("baschar-al-assad");
    expect(slugify("Señor Ñoño")).toBe("senor-nono");
  });
  it("cuts long text at a word boundary", () => {
    const slug = slugify("wort ".repeat(40), 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug.endsWith("-")).toBe(false);
  });
  it("never returns an empty slug", () => {
    expect(slugify("!!!")).toBe("item");
  });
  it("adds the smallest free suffix", () => {
    const taken = new Set(["a", "a-2"]);
    expect(uniqueSlug("a", (s) => taken.has(s))).toBe("a-3");
    expect(uniqueSlug("b", (s) => taken.has(s))).toBe("b");
  });
});

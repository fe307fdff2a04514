// The message catalogues (messages/de.json, messages/en.json): the same keys in both languages,
// every message valid ICU with the same placeholders in both, and a few messages rendered as
// the pages show them (next-intl's createTranslator, as getTranslations uses it).
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
// The ICU parser next-intl itself formats with (a dependency of use-intl, not of this package).
import IntlMessageFormat from "intl-messageformat";
import de from "../../messages/de.json";
import en from "../../messages/en.json";
import { formatDate, formatNumber } from "../../lib/format";
import { quoted, type Locale } from "../../lib/i18n";

const catalogues = { de, en } as const;

type Tree = { [key: string]: unknown };

/** Every message of a catalogue by its dotted key ("pagination.pageOf"); a value that is
 * neither a message (string) nor a namespace (object) is reported as such. */
function flatten(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Tree, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

type Element = ReturnType<IntlMessageFormat["getAst"]>[number];

// @formatjs/icu-messageformat-parser's element types (TYPE): 0 literal, 1 argument, 2 number,
// 3 date, 4 time, 5 select, 6 plural, 7 pound (#), 8 tag.
const KIND: Record<number, string | null> = { 0: null, 1: "argument", 2: "number", 3: "date", 4: "time", 5: "select", 6: "plural", 7: null, 8: "tag" };

/** The placeholders of a parsed message, as "name:kind", including those nested in plural,
 * select and tag branches. */
function placeholders(elements: Element[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    const kind = KIND[element.type];
    if (kind === undefined) throw new Error(`unknown ICU element type ${element.type}`);
    if (kind !== null && "value" in element) found.add(`${element.value}:${kind}`);
    if ("options" in element) {
      for (const option of Object.values(element.options as Record<string, { value: Element[] }>)) placeholders(option.value, found);
    }
    if ("children" in element) placeholders(element.children as Element[], found);
  }
  return found;
}

const messages = { de: flatten(de), en: flatten(en) };

describe("the message catalogues", () => {
  it("have the same keys in German and English", () => {
    const deKeys = [...messages.de.keys()].sort();
    const enKeys = [...messages.en.keys()].sort();
    expect(enKeys.filter((k) => !messages.de.has(k)), "in en.json only").toEqual([]);
    expect(deKeys.filter((k) => !messages.en.has(k)), "in de.json only").toEqual([]);
    expect(deKeys.length).toBeGreaterThan(100); // the catalogues were read, not empty
  });

  it("hold only messages (strings, no arrays or numbers), none empty", () => {
    for (const locale of ["de", "en"] as const) {
      for (const [key, value] of messages[locale]) {
        expect(typeof value, `${locale} ${key}`).toBe("string");
        expect((value as string).trim(), `${locale} ${key}`).not.toBe("");
      }
    }
  });

  it("parse as ICU messages with the same placeholders in both languages", () => {
    for (const [key, deMessage] of messages.de) {
      const enMessage = messages.en.get(key);
      const parse = (locale: Locale, message: unknown) => {
        try {
          return placeholders(new IntlMessageFormat(message as string, locale).getAst());
        } catch (error) {
          throw new Error(`${locale} ${key} is not a valid ICU message: ${(error as Error).message}`);
        }
      };
      expect([...parse("en", enMessage)].sort(), key).toEqual([...parse("de", deMessage)].sort());
    }
  });

  it("show a message without placeholders exactly as written (no character taken for ICU syntax)", () => {
    for (const locale of ["de", "en"] as const) {
      for (const [key, message] of messages[locale]) {
        const format = new IntlMessageFormat(message as string, locale);
        if (placeholders(format.getAst()).size > 0) continue;
        expect(format.format(), `${locale} ${key}`).toBe(message);
      }
    }
  });
});

describe("messages as the pages render them", () => {
  const t = (locale: Locale) => createTranslator({ locale, messages: catalogues[locale] });

  it("numbers pages in the page's language", () => {
    expect(t("de")("pagination.pageOf", { page: 2, count: 3 })).toBe("Seite 2 von 3");
    expect(t("en")("pagination.pageOf", { page: 2, count: 3 })).toBe("Page 2 of 3");
    expect(t("de")("pagination.pageOf", { page: 1, count: 1234 })).toBe("Seite 1 von 1.234");
    expect(t("en")("pagination.pageOf", { page: 1, count: 1234 })).toBe("Page 1 of 1,234");
  });

  it("counts fact checks in singular and plural, with grouped thousands", () => {
    expect(t("de")("topics.claimCount", { count: 1 })).toBe("1 Faktencheck");
    expect(t("de")("topics.claimCount", { count: 2 })).toBe("2 Faktenchecks");
    expect(t("de")("topics.claimCount", { count: 1234 })).toBe("1.234 Faktenchecks");
    expect(t("en")("topics.claimCount", { count: 1 })).toBe("1 fact check");
    expect(t("en")("topics.claimCount", { count: 1234 })).toBe("1,234 fact checks");
  });

  it("quotes a search in the language's quotation marks, without reading the query as ICU", () => {
    expect(t("de")("search.countFor", { count: 3, query: "Herrschaftsgebiet" })).toBe("3 Treffer für „Herrschaftsgebiet“");
    expect(t("en")("search.countFor", { count: 1, query: "{x}" })).toBe("1 result for “{x}”");
    expect(t("de")("search.empty", { query: "it's" })).toBe("Keine Treffer für „it's“.");
  });

  it("puts direct quotes in the language's quotation marks", () => {
    const marks = (locale: Locale) => createTranslator({ locale, messages: catalogues[locale], namespace: "quotation" });
    expect(quoted("Wir schaffen das", marks("de"))).toBe("„Wir schaffen das“");
    expect(quoted("Yes we can", marks("en"))).toBe("“Yes we can”");
  });

  it("writes dates and numbers as the language does (British English)", () => {
    const day = new Date(Date.UTC(2017, 10, 11));
    expect(formatDate(day, "de", "calendar")).toBe("11. November 2017");
    expect(formatDate(day, "en", "calendar")).toBe("11 November 2017");
    expect(formatNumber(1234, "de")).toBe("1.234");
    expect(formatNumber(1234, "en")).toBe("1,234");
  });
});

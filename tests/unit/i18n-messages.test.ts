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
import { z } from "zod";
import { requiredText } from "../../lib/editorial/fields";
import { list, messageOfIssue, moment, msg, names, renderMessage, type Message, type Translate } from "../../lib/messages";

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

// The desk (issue 13): the domain says Messages (lib/messages.ts), the pages say the catalogue's
// words; both come from the same catalogues as the public site.
describe("the desk's messages", () => {
  const DESK_NAMESPACES = ["desk", "msg", "status", "role", "admin", "signIn", "twoFactor", "sessions"] as const;
  /** German words of the interface an English message must not contain (whole words). */
  const GERMAN_WORDS = /(^|[^\p{L}])(Speichern|Behauptung(en)?|Zitat(e)?|Quelle(n)?|Sprecher|Entwurf|Bitte|Abbrechen|Löschen|Prüfung|Zurück|Suche|Bewertung|Beleg(e)?|und|oder|nicht|wird|ist|der|die|das|Sie)(?![\p{L}])/u;

  it("has the desk's namespaces in both catalogues, with the same keys", () => {
    for (const ns of DESK_NAMESPACES) {
      const de = [...messages.de.keys()].filter((k) => k.startsWith(`${ns}.`)).sort();
      const en = [...messages.en.keys()].filter((k) => k.startsWith(`${ns}.`)).sort();
      expect(de.length, ns).toBeGreaterThan(0);
      expect(en, ns).toEqual(de);
    }
    expect([...messages.de.keys()].filter((k) => k.startsWith("desk.") || k.startsWith("msg.")).length).toBeGreaterThan(900);
  });

  it("are English in the English catalogue: no German word of the interface, no umlaut", () => {
    for (const [key, message] of messages.en) {
      if (!DESK_NAMESPACES.some((ns) => key.startsWith(`${ns}.`))) continue;
      // Words that are German on purpose: the name of the language in its own language.
      if (key === "desk.account.languageName.de") continue;
      expect(message as string, key).not.toMatch(GERMAN_WORDS);
      expect(message as string, key).not.toMatch(/[äöüÄÖÜß„]/);
    }
  });

  it("turns a domain Message into text in either language, nested messages, lists and moments included", () => {
    const render = (m: Message, locale: Locale) => renderMessage(createTranslator({ locale, messages: catalogues[locale] }) as unknown as Translate, locale, m);
    const required = msg("msg.validation.required", { field: msg("msg.field.claimText") });
    expect(render(required, "de")).toBe("Der Text der Behauptung fehlt.");
    expect(render(required, "en")).toBe("The text of the claim is missing.");
    const missing = msg("msg.workflow.submitMissing", { missing: list([msg("msg.workflow.missing.verdict"), msg("msg.workflow.missing.summary")]) });
    expect(render(missing, "de")).toBe("Zur Prüfung fehlt noch: eine vorgeschlagene Bewertung, eine Zusammenfassung.");
    expect(render(missing, "en")).toBe("Still missing for review: a proposed verdict, a summary.");
    // "and" lists are joined as the language joins them; counts are grouped.
    const uses = msg("msg.speaker.inUse", { name: "X", uses: list([msg("msg.speaker.uses.quotes", { count: 1234 }), msg("msg.speaker.uses.claims", { count: 1 })], "and") });
    expect(render(uses, "de")).toContain("Dem Sprecher sind 1.234 Zitate und 1 Behauptung zugeordnet.");
    expect(render(uses, "en")).toContain("1,234 quotes and 1 claim are assigned");
    // A moment in the newsroom's time zone, written as the language writes it.
    const conflict = msg("msg.error.conflict", { who: "Katrin Albers", when: moment(new Date("2017-11-11T13:05:00Z")), version: 3 });
    expect(render(conflict, "de")).toContain("Katrin Albers hat diesen Datensatz am 11.11.2017, 14:05 geändert (Version 3)");
    expect(render(conflict, "en")).toContain("Katrin Albers changed this record on 11 Nov 2017, 14:05 (version 3)");
    // A name the newsroom keeps in both languages: the reader's.
    const inUse = msg("msg.taxonomy.topicInUse", { name: names({ nameDe: "Klima", nameEn: "Climate" }), count: 2 });
    expect(render(inUse, "de")).toContain("Das Thema „Klima“ ist 2 Behauptungen zugeordnet");
    expect(render(inUse, "en")).toContain("The topic “Climate” is assigned to 2 claims");
    // Values are never read as ICU syntax.
    expect(render(msg("msg.claim.assigned", { name: "{x} <b>" }), "en")).toBe("Assigned to {x} <b>.");
  });

  it("carries Messages through zod, and turns zod's own (English) messages into the catalogue's", () => {
    const schema = z.object({ text: requiredText("claimText", 5) });
    const issues = (value: unknown) => schema.safeParse(value).error!.issues.map((i) => messageOfIssue(i.message));
    expect(issues({ text: "" })).toEqual([msg("msg.validation.required", { field: msg("msg.field.claimText") })]);
    expect(issues({ text: "123456" })).toEqual([msg("msg.validation.tooLong", { field: msg("msg.field.claimText"), max: 5 })]);
    expect(messageOfIssue("Too small: expected string to have >=1 characters")).toEqual(msg("msg.validation.invalid"));
    expect(messageOfIssue('claimbase-message:{"broken"')).toEqual(msg("msg.validation.invalid"));
  });
});

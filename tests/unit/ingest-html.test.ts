// The HTML-to-text reducer of article ingestion (lib/ingest/html.ts) and the checks on uploads
// and pasted text (lib/ingest/decode.ts).
import { describe, expect, it } from "vitest";
import { detectLanguage, htmlToText, ingestFile, ingestPasted, IngestError, looksLikeHtml, MAX_HTML_DEPTH, MAX_INGEST_BYTES } from "../../lib/ingest";
import { textOf } from "../helpers/messages";
import { growthOf } from "../helpers/timing";

const page = (body: string, head = "<title>Seitentitel</title>") => `<!DOCTYPE html><html lang="de"><head>${head}</head><body>${body}</body></html>`;

describe("htmlToText", () => {
  it("drops navigation, header, footer, aside, forms, scripts, styles, noscript, templates and comments", () => {
    const html = page(
      `<header><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav></header>
       <aside>Meistgelesen: etwas anderes</aside>
       <p>Der Text.</p>
       <script>document.write("<p>Skript</p>")</script>
       <style>p { color: red } </style>
       <noscript>Bitte JavaScript aktivieren</noscript>
       <template><p>Vorlage</p></template>
       <!-- <p>Kommentar</p> -->
       <form><label>Suche <input name="q"></label><button>Los</button></form>
       <footer>Impressum</footer>`,
      `<title>T</title><script>var x = "</div>";</script><style>body{}</style>`,
    );
    const { text } = htmlToText(html);
    expect(text).toBe("Der Text.");
  });

  it("keeps paragraphs as blank lines, line breaks as line breaks, and collapses other whitespace", () => {
    const { text } = htmlToText(page(`<p>Erster   Absatz,\n  über zwei Zeilen.</p><p>Zweiter<br>mit Umbruch und <b>fettem</b> Wort.</p><h2>Zwischentitel</h2><ul><li>eins</li><li>zwei</li></ul>`));
    expect(text).toBe("Erster Absatz, über zwei Zeilen.\n\nZweiter\nmit Umbruch und fettem Wort.\n\nZwischentitel\n\neins\nzwei");
  });

  it("decodes named, decimal and hexadecimal character references", () => {
    const { text } = htmlToText(page(`<p>Trump &amp; Putin: &bdquo;Wir&nbsp;sind&ldquo; &#8222;einig&#x201C; &lt;sagt&gt; er &euro; &hellip; &#150; &#0; &unbekannt;</p>`));
    expect(text).toBe("Trump & Putin: „Wir sind“ „einig“ <sagt> er € … – \ufffd &unbekannt;");
    expect(htmlToText("&auml;&Ouml;&szlig;&#xe9;&#233;&apos;&quot;").text).toBe("äÖßéé'\"");
    // A name that is a property of every object is no entity.
    expect(htmlToText("&constructor;").text).toBe("&constructor;");
  });

  it("prefers the <article> (the largest) over the rest of <main> and the page", () => {
    const html = page(
      `<main><h1>Rubrik</h1><p>Einleitung der Rubrikseite.</p>
        <article><header><p>Von A. Autor</p></header><h1>Die Überschrift</h1><p>Der eigentliche Artikel, mit viel mehr Text als alles andere auf der Seite, damit er der größte ist.</p><p>Zweiter Absatz.</p></article>
        <article><p>Ein Anreißer.</p></article>
      </main>`,
    );
    const result = htmlToText(html);
    expect(result.container).toBe("article");
    expect(result.text).toBe("Die Überschrift\n\nDer eigentliche Artikel, mit viel mehr Text als alles andere auf der Seite, damit er der größte ist.\n\nZweiter Absatz.");
    expect(result.title).toBe("Die Überschrift");
  });

  it("falls back to <main>, then <body>, and reads the title from <title> without a heading", () => {
    const main = htmlToText(page(`<div>Kopfbereich ohne Rolle</div><main><p>Hauptinhalt.</p></main><div>Rest</div>`));
    expect(main).toEqual({ text: "Hauptinhalt.", title: "Seitentitel", container: "main" });
    const body = htmlToText(page(`<div><p>Nur ein Körper.</p></div>`));
    expect(body.container).toBe("body");
    expect(body.text).toBe("Nur ein Körper.");
    expect(htmlToText("Text <i>ohne</i> jedes Gerüst").text).toBe("Text ohne jedes Gerüst");
  });

  it("copes with unclosed elements, stray end tags, '<' in text and quoted '>' in attributes", () => {
    expect(htmlToText(`<p>a<p>b<div>c</span></div>d`).text).toBe("a\n\nb\n\nc\n\nd");
    expect(htmlToText(`<p title="a > b" data-x='<p>'>Wert: a < b und 3<4</p>`).text).toBe("Wert: a < b und 3<4");
    // An end tag closes what was opened after its start tag (here the unclosed <nav>).
    expect(htmlToText(`<div>Vor<nav>Menü</div>nach`).text).toBe("Vor\n\nnach");
    // As in browsers, a <nav> ends the open <p>, and a stray </p> inside it does not end the nav.
    expect(htmlToText(`<p>Vor<nav>Menü</p>nach`).text).toBe("Vor");
    expect(htmlToText(`<p>Eins</p><!-- offen ohne Ende <p>nie`).text).toBe("Eins");
    expect(htmlToText(`<SCRIPT type="x">a</ScRiPt ><P>Groß</P>`).text).toBe("Groß");
  });

  it("runs in linear time on large input", () => {
    const unit = "<p>Ein Absatz mit <a href='x'>Link</a> &amp; Entität.</p><nav>Menü</nav><!-- k -->";
    // 1 when the time grows with the size, GROWTH (8) when it grows with its square.
    const growth = growthOf(htmlToText, (size) => unit.repeat(Math.round(size / unit.length)), 50_000 * unit.length);
    expect(growth).toBeLessThan(3.5);
    // Hostile shapes (runs of spaces, stray end tags, unterminated constructs, 2 MB) are measured
    // against a benign page of the same size in tests/unit/parsers-fuzz.test.ts.
  });

  it("refuses markup nested deeper than browsers nest it, and reads it up to that depth", () => {
    const nested = (depth: number) => "<div>".repeat(depth) + "Tief" + "</span>".repeat(1_000);
    expect(htmlToText(nested(MAX_HTML_DEPTH - 1)).text).toBe("Tief");
    expect(() => htmlToText(nested(MAX_HTML_DEPTH + 1))).toThrow(IngestError);
    try {
      htmlToText(nested(MAX_HTML_DEPTH + 1));
    } catch (error) {
      expect(textOf(error)).toMatch(/zu tief verschachtelt/);
      expect(textOf(error, "en")).toMatch(/nested too deeply \(more than 512 levels\)/);
    }
    // Void and self-closed elements do not nest, nor do paragraphs that end each other.
    expect(htmlToText("<p>a<br>".repeat(2 * MAX_HTML_DEPTH)).text.split("\n\n")).toHaveLength(2 * MAX_HTML_DEPTH);
  });
});

describe("ingestFile and ingestPasted", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(IngestError);
      return textOf(error);
    }
    throw new Error("not refused");
  };

  it("reads UTF-8 text and HTML files", () => {
    expect(ingestFile("a.txt", bytes("\ufeffZeile eins\r\nZeile zwei\r\n\r\n"))).toMatchObject({ format: "text", text: "Zeile eins\nZeile zwei", title: "Zeile eins" });
    expect(ingestFile("b.HTML", bytes(page("<article><h1>Ü</h1><p>Text</p></article>")))).toMatchObject({ format: "html", text: "Ü\n\nText", title: "Ü" });
  });

  it("refuses empty, binary, oversized, undecodable files and other types, each with its own message", () => {
    expect(refusal(() => ingestFile("leer.txt", new Uint8Array()))).toMatch(/leer \(0 Bytes\)/);
    expect(refusal(() => ingestFile("leer.txt", bytes(" \n\t\n")))).toMatch(/nur Leerzeichen/);
    expect(refusal(() => ingestFile("x.html", bytes("<html><body><nav>Nur Menü</nav><script>x</script></body></html>")))).toMatch(/kein Artikeltext/);
    expect(refusal(() => ingestFile("bild.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])))).toMatch(/PNG-Bild/);
    expect(refusal(() => ingestFile("doc.txt", bytes("%PDF-1.7 ...")))).toMatch(/PDF-Datei/);
    expect(refusal(() => ingestFile("bin.txt", new Uint8Array([0x41, 0x00, 0x42])))).toMatch(/Binärdatei/);
    expect(refusal(() => ingestFile("gross.txt", new Uint8Array(MAX_INGEST_BYTES + 1).fill(0x61)))).toMatch(/zu groß \(2 MB\); höchstens 2 MB/);
    expect(refusal(() => ingestFile("latin1.txt", new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65])))).toMatch(/nicht in UTF-8 kodiert/);
    expect(refusal(() => ingestFile("artikel.pdf", bytes("Text")))).toMatch(/keine \.txt- oder \.html-Datei/);
  });

  it("takes pasted markup for HTML when it looks like it, and refuses empty or oversized text", () => {
    expect(ingestPasted("<p>Ein <b>Absatz</b></p>\n<p>Zwei</p>")).toMatchObject({ format: "html", text: "Ein Absatz\n\nZwei" });
    expect(ingestPasted("a < b, aber c > d")).toMatchObject({ format: "text", text: "a < b, aber c > d" });
    expect(ingestPasted("<p>wörtlich</p>", "text").text).toBe("<p>wörtlich</p>");
    expect(looksLikeHtml("<!doctype html><title>x</title>")).toBe(true);
    expect(refusal(() => ingestPasted("  \n "))).toMatch(/Der Text ist leer/);
    expect(refusal(() => ingestPasted("ä".repeat(MAX_INGEST_BYTES / 2 + 1)))).toMatch(/zu groß/);
  });

  it("guesses German or English", () => {
    expect(detectLanguage("Der Präsident sagte, dass die Einigung nicht mit den Zielen der USA vereinbar sei.")).toBe("de");
    expect(detectLanguage("The president said that the agreement was not in line with the goals of the United States.")).toBe("en");
    expect(detectLanguage("12345")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "../../components/Markdown";
import { markdownToPlainText, parseInline, parseMarkdown, safeHref } from "../../lib/markdown";

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe("Markdown rendering is safe", () => {
  it("shows raw HTML as text, never as markup", () => {
    const out = html('Vorher <script>alert("x")</script> <img src=x onerror="alert(1)"> nachher');
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;script&gt;");
    expect(out).toContain("&lt;img src=x onerror=");
  });

  it("does not link javascript:, data: or protocol-relative targets", () => {
    for (const target of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<b>x</b>", "//evil.example", "vbscript:x"]) {
      const out = html(`[Klick](${target})`);
      expect(out, target).not.toContain("<a");
      expect(out, target).toContain("Klick");
    }
  });

  it("links http(s), mailto and site paths, with rel on external links", () => {
    expect(html("[Quelle](https://example.org/a?b=1&c=2)")).toBe(
      '<div class="prose"><p><a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">Quelle</a></p></div>',
    );
    expect(html("[Methodik](/methodik)")).toBe('<div class="prose"><p><a href="/methodik">Methodik</a></p></div>');
    expect(safeHref("mailto:redaktion@example.org")).toBe("mailto:redaktion@example.org");
    expect(safeHref(" https://example.org ")).toBe("https://example.org/");
  });

  it("escapes attribute breakouts in link targets", () => {
    const out = html('[x](https://example.org/"onmouseover="alert(1))');
    expect(out).not.toMatch(/"\s*onmouseover=/);
  });
});

describe("Markdown subset", () => {
  it("renders paragraphs, emphasis, strong, code and lists", () => {
    const out = html("Erster *Absatz* mit **Fett** und `code`.\nZweite Zeile.\n\n- eins\n- zwei\n\n1. a\n2. b");
    expect(out).toBe(
      '<div class="prose"><p>Erster <em>Absatz</em> mit <strong>Fett</strong> und <code>code</code>. Zweite Zeile.</p>' +
        "<ul><li>eins</li><li>zwei</li></ul><ol><li>a</li><li>b</li></ol></div>",
    );
  });

  it("shifts headings so the document's top level is h3", () => {
    const blocks = parseMarkdown("## Worum es geht\n\nText\n\n### Detail");
    expect(blocks.map((b) => (b.type === "heading" ? b.level : b.type))).toEqual([3, "paragraph", 4]);
  });

  it("leaves snake_case, lone asterisks and escapes alone", () => {
    expect(parseInline("a_b_c")).toEqual([{ type: "text", value: "a_b_c" }]);
    expect(parseInline("5 * 3 = 15")).toEqual([{ type: "text", value: "5 * 3 = 15" }]);
    expect(parseInline("\\*kein\\* Akzent")).toEqual([{ type: "text", value: "*kein* Akzent" }]);
  });

  it("turns block quotes into quotes and extracts plain text", () => {
    expect(parseMarkdown("> zitiert\n> weiter")).toEqual([
      { type: "blockquote", children: [{ type: "text", value: "zitiert weiter" }] },
    ]);
    expect(markdownToPlainText("**a** [b](https://x.org) <i>")).toBe("a b <i>");
  });
});

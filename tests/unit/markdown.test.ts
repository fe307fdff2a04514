import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "../../components/Markdown";
import { defuseMarkdown, MAX_BLOCK_DELIMITERS, safeHref } from "../../lib/markdown";

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
      '<div class="prose"><p>Erster <em>Absatz</em> mit <strong>Fett</strong> und <code>code</code>.\nZweite Zeile.</p>\n' +
        "<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>\n<ol>\n<li>a</li>\n<li>b</li>\n</ol></div>",
    );
  });

  it("shifts headings so the document's top level is h3", () => {
    expect(html("## Worum es geht\n\nText\n\n### Detail")).toBe('<div class="prose"><h3>Worum es geht</h3>\n<p>Text</p>\n<h4>Detail</h4></div>');
    expect(html("# Eins\n\n###### Sechs")).toBe('<div class="prose"><h3>Eins</h3>\n<h6>Sechs</h6></div>');
  });

  it("leaves snake_case, lone asterisks and escapes alone", () => {
    expect(html("a_b_c")).toBe('<div class="prose"><p>a_b_c</p></div>');
    expect(html("5 * 3 = 15")).toBe('<div class="prose"><p>5 * 3 = 15</p></div>');
    expect(html("\\*kein\\* Akzent")).toBe('<div class="prose"><p>*kein* Akzent</p></div>');
  });

  it("turns block quotes into quotes, images into their alt text, and keeps no other markup", () => {
    expect(html("> zitiert\n> weiter")).toBe('<div class="prose"><blockquote>\n<p>zitiert\nweiter</p>\n</blockquote></div>');
    expect(html("![Ein Bild](https://example.org/x.png)")).toBe('<div class="prose"><p>Ein Bild</p></div>');
    expect(html("3. drei\n\n```js\nx<y\n```")).toBe('<div class="prose"><ol start="3">\n<li>drei</li>\n</ol>\n<pre><code>x&lt;y\n</code></pre></div>');
  });
});

describe("Markdown time budget", () => {
  it("shows a block with more delimiters than real text has as its literal text", () => {
    const many = "*a".repeat(MAX_BLOCK_DELIMITERS + 1);
    expect(html(`Vorher *betont*\n\n${many}`)).toBe(`<div class="prose"><p>Vorher <em>betont</em></p>\n<p>${many}</p></div>`);
    // Below the limit the block is Markdown as usual.
    expect(defuseMarkdown("*a* ".repeat(10))).toBe("*a* ".repeat(10));
  });

  it("shows deeply nested quotes and lists as text instead of nesting them", () => {
    const deep = "> ".repeat(50) + "tief";
    expect(html(deep)).toBe(`<div class="prose"><p>${"&gt; ".repeat(50)}tief</p></div>`);
    expect(html("> > zwei Ebenen")).toBe('<div class="prose"><blockquote>\n<blockquote>\n<p>zwei Ebenen</p>\n</blockquote>\n</blockquote></div>');
  });
});

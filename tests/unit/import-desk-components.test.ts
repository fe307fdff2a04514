// The import's client components render (server-side, as Next.js first sends them): the upload
// form with its choices, the confirmation with the options of the write and the unmatched
// claimants as text (a claimant's name is the file's text, escaped like any).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import de from "../../messages/de.json";
import en from "../../messages/en.json";
import { renderPage } from "../helpers/render-page";

/** An element inside the desk's catalogue (client components read it), in `locale`. */
const intl = (element: ReactElement, locale: "de" | "en" = "de") =>
  createElement(NextIntlClientProvider, { locale, messages: locale === "de" ? de : en, timeZone: "Europe/Berlin", children: element });

/** The <input> tag with this id. */
const inputTag = (html: string, id: string) => new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? "";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }));
// The link's status is a server component of the desk: its language is the session's (none here).
vi.mock("../../lib/auth/auth", () => ({ auth: vi.fn(async () => null), signIn: vi.fn(), signOut: vi.fn(), handlers: { GET: vi.fn(), POST: vi.fn() } }));

describe("import desk components", () => {
  it("the upload form offers both kinds, the formats and a file input", async () => {
    const { ImportUpload } = await import("../../components/admin/ImportUpload");
    const html = renderToStaticMarkup(intl(createElement(ImportUpload, { maxMegabytes: 256, canPublish: true })));
    expect(inputTag(html, "import-kind-external")).toContain('checked=""');
    expect(inputTag(html, "import-kind-own")).not.toContain("checked");
    expect(html).toContain('value="own"');
    for (const format of ["claimreview", "factcheck-tools", "html", "csv"]) expect(html).toContain(`value="${format}"`);
    expect(html).toContain('type="file"');
    expect(html).toContain("höchstens 256 MB");
    const english = renderToStaticMarkup(intl(createElement(ImportUpload, { maxMegabytes: 256, canPublish: true }), "en"));
    expect(english).toContain("UTF-8, at most 256 MB.");
    expect(english).toContain("Other newsrooms&#x27; fact-checks");
    expect(english).toContain("Read and show the preview");
  });

  it("the confirmation lists unmatched claimants as text, with no speaker created by default", async () => {
    const { ConfirmImportForm } = await import("../../components/admin/ConfirmImportForm");
    const html = renderToStaticMarkup(
      intl(createElement(ConfirmImportForm, {
        action: async () => ({ status: "idle" as const }),
        batchId: "b1",
        version: 3,
        total: 10,
        unknownClaimants: [{ name: "<img src=x onerror=alert(1)>", rows: 2 }],
        moreClaimants: false,
        submitLabel: "10 Faktenchecks importieren",
        hasInvalid: true,
      })),
    );
    expect(html).toContain('name="version" value="3"');
    expect(html).toContain('name="allOrNothing"');
    expect(inputTag(html, "speakers-none")).toContain('checked=""');
    expect(inputTag(html, "speakers-all")).not.toContain("checked");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
    expect(html).toContain("10 Faktenchecks importieren");
  });

  it("the progress shows what has been done of how much", async () => {
    const { ImportProgress } = await import("../../components/admin/ImportProgress");
    const html = renderToStaticMarkup(intl(createElement(ImportProgress, { id: "b1", status: "reading", processed: 1500, total: 100000 })));
    expect(html).toContain("Gelesen: 1.500 von 100.000 Einträge");
    const english = renderToStaticMarkup(intl(createElement(ImportProgress, { id: "b1", status: "importing", processed: 1500, total: 100000 }), "en"));
    expect(english).toContain("Written: 1,500 of 100,000 entries");
    expect(html).toContain('<progress max="100000" value="1500">');
  });

  it("a link of an external check: waiting shows what would be public and the approve form with its digest; the linker sees why not", async () => {
    const { ExternalLinkStatus } = await import("../../components/admin/ExternalLinkStatus");
    const { snapshotDigest } = await import("../../lib/external-checks/snapshot");
    const current = {
      publisherName: "<b>Prüfstelle</b>",
      publisherSite: "pruefstelle.example",
      url: "https://pruefstelle.example/fc/1",
      title: null,
      textualRating: "Falsch",
      ratingValue: null,
      bestRating: null,
      worstRating: null,
      reviewDate: null,
      language: "de",
    };
    const link = {
      claim: { id: "c1", slug: "s", text: "Eine Behauptung", status: "published" as const, isPublic: true },
      externalCheck: { id: "e1", publisherName: current.publisherName, claimText: "x", textualRating: "Falsch", ratingValue: null, bestRating: null },
      linkedBy: { id: "u-editor", name: "Redaktion" },
      createdAt: new Date("2026-12-01T10:00:00Z"),
      state: "pending" as const,
      approvedBy: null,
      approvedAt: null,
      current,
      digest: snapshotDigest(current),
      changes: [],
    };
    const actions = { approve: async () => ({ status: "idle" as const }), unlink: async () => ({ status: "idle" as const }) };
    // A server component (its words from the catalogue in the desk's language, German outside a
    // request), rendered as the server renders it.
    const render = (element: ReactElement) => renderPage([], intl(element));
    const reviewer = await render(createElement(ExternalLinkStatus, { link, user: { id: "u-reviewer", role: "reviewer" }, actions }));
    expect(reviewer).toContain("Wartet auf Freigabe");
    expect(reviewer).toContain("&lt;b&gt;Prüfstelle&lt;/b&gt;");
    expect(reviewer).toContain(`name="digest" value="${link.digest}"`);
    expect(reviewer).toContain("Verknüpfung freigeben");
    expect(reviewer).not.toContain("Verknüpfung lösen"); // reviewers do not unlink (external.link)
    const linker = await render(createElement(ExternalLinkStatus, { link, user: { id: "u-editor", role: "editor" }, actions }));
    expect(linker).not.toContain('name="digest"');
    expect(linker).toContain("Vier-Augen-Prinzip");
    expect(linker).toContain("Verknüpfung lösen");

    const changed = await render(
      createElement(ExternalLinkStatus, {
        link: { ...link, state: "changed" as const, approvedAt: new Date(), approvedBy: { name: "Prüfung" }, changes: [{ field: "textualRating" as const, before: "Richtig", after: "Falsch" }] },
        user: { id: "u-admin", role: "admin" },
        actions,
      }),
    );
    expect(changed).toContain("Seit der Freigabe geändert");
    expect(changed).toMatch(/Bewertung<\/th><td translate="no">Richtig<\/td><td translate="no">Falsch<\/td>/);
    expect(changed).toContain("Neue Fassung freigeben");
  });
});

// The topic page's heading says how many fact checks the topic has. Above the exact count's
// limit (lib/public EXACT_COUNT_LIMIT) that number is the planner's estimate, and the page must
// say so ("etwa", "about") instead of presenting it as exact; below, it is the exact number.
import { describe, expect, it, vi } from "vitest";
import { createElement, type ReactNode } from "react";
import { renderPage } from "../helpers/render-page";

const topicPage = vi.hoisted(() => ({ total: 0, estimated: false }));

vi.mock("@/lib/public/cached", () => ({
  getPublicTopic: async (slug: string, options: { page?: number; pageSize?: number }) => ({
    topic: { slug, nameDe: "Rente", nameEn: "Pensions", descriptionDe: null, descriptionEn: null, claimCount: topicPage.total },
    claims: {
      items: [],
      total: topicPage.total,
      page: options.page ?? 1,
      pageSize: options.pageSize ?? 20,
      pageCount: Math.max(1, Math.ceil(topicPage.total / (options.pageSize ?? 20))),
      ...(topicPage.estimated ? { estimated: true } : {}),
    },
  }),
}));

async function heading(locale: "de" | "en", total: number, estimated: boolean): Promise<string> {
  Object.assign(topicPage, { total, estimated });
  const { default: TopicPage } = await import("../../app/(site)/[locale]/topics/[slug]/page");
  const html = await renderPage([], createElement(TopicPage as (p: unknown) => ReactNode, { params: Promise.resolve({ locale, slug: "rente" }) } as object));
  const match = /<h2 id="claims-heading">(.*?)<\/h2>/s.exec(html);
  return (match?.[1] ?? "").replace(/<!-- -->/g, "").replace(/\s+/g, " ").trim();
}

describe("the topic page's count of its fact checks", () => {
  it("says 'about' when the total is an estimate, in both languages", async () => {
    expect(await heading("de", 12000, true)).toBe("Faktenchecks zu diesem Thema (etwa 12.000)");
    expect(await heading("en", 12000, true)).toBe("Fact checks on this topic (about 12,000)");
  });

  it("gives an exact total as it is", async () => {
    expect(await heading("de", 9876, false)).toBe("Faktenchecks zu diesem Thema (9.876)");
    expect(await heading("en", 9876, false)).toBe("Fact checks on this topic (9,876)");
  });
});

// axe-core (the devDependency, injected from node_modules) in a page: what the public pages'
// and the desk's accessibility checks share.
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import type { AxeResults, Result } from "axe-core";

const AXE = path.resolve(import.meta.dirname, "../node_modules/axe-core/axe.min.js");

/** The page's axe violations of impact serious or critical. */
export async function seriousViolations(page: Page): Promise<Result[]> {
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
  // axe really looked at the page (a failed injection would find nothing to complain about).
  expect(results.passes.length).toBeGreaterThan(10);
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export function describeViolations(url: string, violations: Result[]): string {
  return [
    `${violations.length} serious/critical axe violation(s) on ${url}:`,
    ...violations.map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`)
          .join("\n"),
    ),
  ].join("\n");
}


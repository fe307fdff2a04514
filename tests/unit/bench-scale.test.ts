// The growth table of `npm run bench:public -- --scale` (issue 15): each figure at 50k, 200k and
// 1M quotes and how it grows per 4× data, so that "independent of the archive's size" reads as 1.
import { describe, expect, it } from "vitest";
import { growthPer4x, scaleTable } from "../../scripts/bench-public";

describe("growth per 4× data", () => {
  it("is the ratio itself for a step of 4, and brings other steps to a factor of 4", () => {
    expect(growthPer4x(10, 40, 4)).toBeCloseTo(4);
    expect(growthPer4x(10, 10, 5)).toBeCloseTo(1);
    // Linear in the data: 5× the data, 5× the time, is 4× per 4× data.
    expect(growthPer4x(10, 50, 5)).toBeCloseTo(4);
    // Logarithmic-ish growth stays well below linear.
    expect(growthPer4x(10, 12, 5)).toBeLessThan(1.2);
  });

  it("tabulates every figure at every size with its growth", () => {
    const table = scaleTable([
      { quotes: 50_000, pages: [{ target: "search page", reqPerSec: 100, p95: 50 }], direct: [{ name: "searchPublic", p50: 10, p95: 20 }] },
      { quotes: 200_000, pages: [{ target: "search page", reqPerSec: 100, p95: 50 }], direct: [{ name: "searchPublic", p50: 40, p95: 80 }] },
      { quotes: 1_000_000, pages: [{ target: "search page", reqPerSec: 100, p95: 50 }], direct: [{ name: "searchPublic", p50: 200, p95: 400 }] },
    ]);
    expect(table).toContain("| figure | 50k quotes | 200k quotes | 1M quotes |");
    expect(table).toMatch(/\| search page: req\/s \| 100\.0 \| 100\.0 \| 100\.0 \| 1\.00 \| 1\.00 \|/);
    expect(table).toMatch(/\| searchPublic: p95 ms \| 20\.0 \| 80\.0 \| 400\.0 \| 4\.00 \| 4\.00 \|/);
  });
});

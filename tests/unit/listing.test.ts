// Parameters of the desk's lists from the URL (lib/editorial/listing.ts): every list reads its
// filters through `param`, so a hostile value is dropped there once for all of them.
import { describe, expect, it } from "vitest";
import { claimListQuery } from "../../lib/editorial/claims";
import { choice, DESK_COUNT_LIMIT, pageOf, pageParam, PAGE_SIZE, param } from "../../lib/editorial/listing";

describe("desk list parameters", () => {
  it("trims, cuts at 200 characters and takes the first of repeated values", () => {
    expect(param({ q: "  Rente  " }, "q")).toBe("Rente");
    expect(param({ q: "x".repeat(500) }, "q")).toHaveLength(200);
    expect(param({ q: ["a", "b"] }, "q")).toBe("a");
    expect(param({ q: "   " }, "q")).toBeUndefined();
    expect(param({}, "q")).toBeUndefined();
  });

  it("drops a value with a NUL or another control character (PostgreSQL refuses NUL: every list failed on ?q=%00)", () => {
    for (const value of ["\u0000", "Rente\u0000", "a\u0001b", "x\u007f"]) expect(param({ q: value }, "q"), JSON.stringify(value)).toBeUndefined();
    expect(claimListQuery({ q: "\u0000", assignee: "id\u0000", claimant: "\u0000x", topic: "t\u0000", verdict: "\u0000" })).toMatchObject({
      q: undefined,
      assignee: undefined,
      claimant: undefined,
      topic: undefined,
      verdict: undefined,
    });
    expect(pageParam({ page: "2\u0000" })).toBe(1);
    expect(choice({ sort: "\u0000" }, "sort", ["new", "old"] as const)).toBe("new");
  });
});

describe("a desk list's count stops at DESK_COUNT_LIMIT", () => {
  const full = Array.from({ length: PAGE_SIZE }, (_, i) => i);
  it("counts exactly up to the limit", () => {
    expect(pageOf(full, DESK_COUNT_LIMIT, 1)).toEqual({ items: full, total: DESK_COUNT_LIMIT, page: 1, pageCount: DESK_COUNT_LIMIT / PAGE_SIZE });
    expect(pageOf([1, 2], 2, 1).atLeast).toBeUndefined();
  });
  it("above it, says 'more than' and keeps the next page reachable one at a time", () => {
    const beyond = pageOf(full, DESK_COUNT_LIMIT + 1, 1);
    expect(beyond).toMatchObject({ total: DESK_COUNT_LIMIT, atLeast: true, pageCount: DESK_COUNT_LIMIT / PAGE_SIZE });
    const deep = DESK_COUNT_LIMIT / PAGE_SIZE + 5;
    expect(pageOf(full, DESK_COUNT_LIMIT + 1, deep).pageCount).toBe(deep + 1); // a full page: there may be one more
    expect(pageOf(full.slice(0, 3), DESK_COUNT_LIMIT + 1, deep).pageCount).toBe(deep); // the last page
  });
});

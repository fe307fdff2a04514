// Parameters of the desk's lists from the URL (lib/editorial/listing.ts): every list reads its
// filters through `param`, so a hostile value is dropped there once for all of them.
import { describe, expect, it } from "vitest";
import { claimListQuery } from "../../lib/editorial/claims";
import { choice, DESK_COUNT_LIMIT, pageOf, pageParam, PAGE_SIZE, param, sortColumns, sortParam, sortQuery } from "../../lib/editorial/listing";
import { waitingTime } from "../../lib/editorial/review-queue";

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

describe("a list's sort order from the URL", () => {
  const columns = sortColumns({ updated: "desc", name: "asc", count: "desc" });

  it("takes a column and a direction, each column starting in its own", () => {
    expect(sortParam({}, columns)).toEqual({ sort: "updated", dir: "desc" });
    expect(sortParam({ sort: "name" }, columns)).toEqual({ sort: "name", dir: "asc" });
    expect(sortParam({ sort: "name", dir: "desc" }, columns)).toEqual({ sort: "name", dir: "desc" });
    expect(sortParam({ sort: "count", dir: "asc" }, columns)).toEqual({ sort: "count", dir: "asc" });
  });

  it("falls back to the default for a bad column or direction, never failing", () => {
    expect(sortParam({ sort: "password", dir: "sideways" }, columns)).toEqual({ sort: "updated", dir: "desc" });
    expect(sortParam({ sort: "name", dir: "DESC; DROP TABLE" }, columns)).toEqual({ sort: "name", dir: "asc" });
    expect(sortParam({ sort: ["name", "count"], dir: ["asc", "desc"] }, columns)).toEqual({ sort: "name", dir: "asc" });
    expect(sortParam({ sort: "name\u0000", dir: "asc\u0000" }, columns)).toEqual({ sort: "updated", dir: "desc" });
  });

  it("leaves the default order out of the URL, and keeps any other", () => {
    expect(sortQuery({ sort: "updated", dir: "desc" }, columns)).toEqual({});
    expect(sortQuery({ sort: "updated", dir: "asc" }, columns)).toEqual({ sort: "updated", dir: "asc" });
    expect(sortQuery({ sort: "name", dir: "asc" }, columns)).toEqual({ sort: "name", dir: "asc" });
  });

  it("parses the claims list's sort with the same rules", () => {
    expect(claimListQuery({ sort: "claimant" })).toMatchObject({ sort: "claimant", dir: "asc" });
    expect(claimListQuery({ sort: "evidence", dir: "asc" })).toMatchObject({ sort: "evidence", dir: "asc" });
    expect(claimListQuery({ sort: "nonsense", dir: "nonsense" })).toMatchObject({ sort: "updated", dir: "desc" });
    expect(claimListQuery({ status: "open", author: "me", mine: "1" })).toMatchObject({ status: "open", author: "me", mine: true });
    expect(claimListQuery({ author: "someone", mine: "yes" })).toMatchObject({ author: undefined, mine: false });
  });
});

describe("how long a claim has waited", () => {
  const now = new Date("2026-12-03T12:00:00Z");
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it("counts in the largest whole unit", () => {
    expect(waitingTime(ago(0), now)).toEqual({ unit: "minutes", count: 0 });
    expect(waitingTime(ago(59), now)).toEqual({ unit: "minutes", count: 59 });
    expect(waitingTime(ago(60), now)).toEqual({ unit: "hours", count: 1 });
    expect(waitingTime(ago(23 * 60 + 59), now)).toEqual({ unit: "hours", count: 23 });
    expect(waitingTime(ago(24 * 60), now)).toEqual({ unit: "days", count: 1 });
    expect(waitingTime(ago(3 * 24 * 60 + 600), now)).toEqual({ unit: "days", count: 3 });
  });

  it("never counts backwards (a clock a little ahead)", () => {
    expect(waitingTime(new Date(now.getTime() + 5_000), now)).toEqual({ unit: "minutes", count: 0 });
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

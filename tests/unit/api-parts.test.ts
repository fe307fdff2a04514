// Small parts of the public API (lib/api, lib/public/keyset.ts, lib/public/factcheck.ts): cursors,
// the newsroom's day boundaries, publisher sites, ETag comparison, the rate limit setting.
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, queryBinding } from "../../lib/api/cursor";
import { matchesEtag, strongEtag, weakEtag } from "../../lib/api/http";
import { apiRateLimit } from "../../lib/api/rate-limit";
import { sitePart } from "../../lib/public/factcheck";
import { newsroomDayStart } from "../../lib/public/keyset";

describe("cursors", () => {
  const binding = queryBinding("claims", { verdict: "false", speaker: undefined, topic: "" });

  it("round-trip their position, the same position always giving the same cursor", () => {
    const position = { publishedAt: "2017-11-17T09:00:00.000Z", slug: "a-claim" };
    const cursor = encodeCursor(binding, position);
    expect(encodeCursor(binding, position)).toBe(cursor);
    expect(decodeCursor(binding, cursor)).toEqual(position);
    expect(cursor).toMatch(/^c1[A-Za-z0-9_-]+$/);
    expect(Buffer.from(cursor.slice(2), "base64url").toString("latin1")).not.toContain("a-claim");
  });

  it("belong to their query: empty filters do not count, other values or endpoints do", () => {
    const cursor = encodeCursor(binding, "x");
    expect(decodeCursor(queryBinding("claims", { verdict: "false" }), cursor)).toBe("x");
    expect(decodeCursor(queryBinding("claims", { verdict: "true" }), cursor)).toBeNull();
    expect(decodeCursor(queryBinding("quotes", { verdict: "false" }), cursor)).toBeNull();
  });

  it("refuse anything changed or made up", () => {
    const cursor = encodeCursor(binding, "x");
    const flipped = cursor.slice(0, 10) + (cursor[10] === "A" ? "B" : "A") + cursor.slice(11);
    for (const bad of [flipped, cursor.slice(0, -1), "c1", "c1!!", "x".repeat(3000), "", cursor.replace(/^c1/, "c2")]) {
      expect(decodeCursor(binding, bad), bad.slice(0, 20)).toBeNull();
    }
  });
});

describe("days in the newsroom's time zone (Europe/Berlin)", () => {
  it("begin at local midnight, in winter and in summer time", () => {
    expect(newsroomDayStart("2017-11-11").toISOString()).toBe("2017-11-10T23:00:00.000Z");
    expect(newsroomDayStart("2024-07-01").toISOString()).toBe("2024-06-30T22:00:00.000Z");
    // The days of the clock changes.
    expect(newsroomDayStart("2024-03-31").toISOString()).toBe("2024-03-30T23:00:00.000Z");
    expect(newsroomDayStart("2024-10-27").toISOString()).toBe("2024-10-26T22:00:00.000Z");
  });
});

describe("publisher sites", () => {
  it("compare hosts in lower case, without www. and without a URL's path", () => {
    for (const value of ["example.org", "WWW.Example.org", "https://www.example.org/fact-checks/1", "example.org/x"]) {
      expect(sitePart(value), value).toBe("example.org");
    }
    expect(sitePart("http://localhost:3000")).toBe("localhost");
  });
});

describe("ETags", () => {
  it("match by weak comparison, in lists and with *", () => {
    const etag = strongEtag("{}");
    expect(etag).toBe(strongEtag("{}"));
    expect(etag).not.toBe(strongEtag("[]"));
    expect(matchesEtag(etag, etag)).toBe(true);
    expect(matchesEtag(`W/${etag}`, etag)).toBe(true);
    expect(matchesEtag(`"a", ${etag} , "b"`, etag)).toBe(true);
    expect(matchesEtag("*", etag)).toBe(true);
    expect(matchesEtag(null, etag)).toBe(false);
    expect(matchesEtag('"a"', etag)).toBe(false);
    const weak = weakEtag("fingerprint");
    expect(weak).toMatch(/^W\/"/);
    expect(matchesEtag(weak.slice(2), weak)).toBe(true);
  });
});

describe("CLAIMBASE_API_RATE_LIMIT", () => {
  it("is 120 a minute by default, 0 for none, and a bad value keeps the default", () => {
    expect(apiRateLimit({})).toBe(120);
    expect(apiRateLimit({ CLAIMBASE_API_RATE_LIMIT: "" })).toBe(120);
    expect(apiRateLimit({ CLAIMBASE_API_RATE_LIMIT: "0" })).toBe(0);
    expect(apiRateLimit({ CLAIMBASE_API_RATE_LIMIT: "600" })).toBe(600);
    expect(apiRateLimit({ CLAIMBASE_API_RATE_LIMIT: "many" })).toBe(120);
  });
});

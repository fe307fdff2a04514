import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "../../lib/safe-redirect";
import { parsePageNumber } from "../../lib/public";

describe("safeCallbackUrl", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackUrl("/admin")).toBe("/admin");
    expect(safeCallbackUrl("/claims/x?tab=1#a")).toBe("/claims/x?tab=1#a");
    expect(safeCallbackUrl(["/admin/claims"])).toBe("/admin/claims");
  });

  it("refuses other origins, odd schemes and loops back to sign-in", () => {
    for (const bad of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "admin",
      "/signin",
      "/signin?callbackUrl=/admin",
      "/api/auth/signout",
      "/ad\nmin",
      "",
      undefined,
      42,
    ]) {
      expect(safeCallbackUrl(bad), String(bad)).toBe("/admin");
    }
  });
});

describe("parsePageNumber", () => {
  it("reads a positive whole page number and falls back to 1", () => {
    expect(parsePageNumber("3")).toBe(3);
    expect(parsePageNumber(["2", "5"])).toBe(2);
    for (const bad of [undefined, "", "0", "-1", "1.5", "abc", "9999999", "1e3"]) expect(parsePageNumber(bad), String(bad)).toBe(1);
  });
});

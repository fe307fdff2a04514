// The language switch (app/lang/route.ts) answers a redirect for any `next` a visitor can
// put in the URL: never a 500, never another host.
import { NextRequest } from "next/server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GET } from "../../app/lang/route";

const switchTo = (query: string) => GET(new NextRequest(`http://localhost/lang?${query}`));

describe("/lang", () => {
  it("sends non-ASCII paths percent-encoded as UTF-8 (a raw '€' in Location was a 500)", () => {
    expect(switchTo("to=en&next=/search?q=%E2%82%AC").headers.get("location")).toBe("/en/search?q=%E2%82%AC");
    expect(switchTo("to=de&next=/claims/%C3%A4").headers.get("location")).toBe("/claims/%C3%A4");
  });

  it("answers any next and to with a 303 to a path on this site", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: "binary" }), fc.string({ maxLength: 5 }), (next, to) => {
        const response = switchTo(new URLSearchParams({ to, next }).toString());
        expect(response.status).toBe(303);
        expect(response.headers.get("location")).toMatch(/^\/(?![/\\])/);
      }),
      { numRuns: 500 },
    );
  });
});

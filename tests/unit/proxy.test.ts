// proxy.ts as Next.js calls it: Strict-Transport-Security only when the public site is https,
// on every kind of answer (pass-through, rewrite to /en, redirect to the reader's language).
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "../../proxy";

const before = process.env.CLAIMBASE_PUBLIC_URL;
afterEach(() => {
  if (before === undefined) delete process.env.CLAIMBASE_PUBLIC_URL;
  else process.env.CLAIMBASE_PUBLIC_URL = before;
});

const requests = () => [
  new NextRequest("http://localhost:3000/admin"), // left alone
  new NextRequest("http://localhost:3000/en/methodology"), // rewritten
  new NextRequest("http://localhost:3000/", { headers: { "accept-language": "en-US,en;q=0.9" } }), // redirected to /en
];

describe("Strict-Transport-Security", () => {
  it("is sent on every answer when the public URL is https", () => {
    process.env.CLAIMBASE_PUBLIC_URL = "https://faktencheck.example";
    const responses = requests().map((r) => proxy(r));
    expect(responses[2]!.status).toBe(307);
    for (const response of responses) expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("is not sent for a plain-http site", () => {
    process.env.CLAIMBASE_PUBLIC_URL = "http://localhost:3000";
    for (const response of requests().map((r) => proxy(r))) expect(response.headers.get("strict-transport-security")).toBeNull();
    delete process.env.CLAIMBASE_PUBLIC_URL;
    for (const response of requests().map((r) => proxy(r))) expect(response.headers.get("strict-transport-security")).toBeNull();
  });
});

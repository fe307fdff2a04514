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

describe("routing of public URLs", () => {
  const rewriteOf = (url: string, headers: Record<string, string> = {}) => {
    const response = proxy(new NextRequest(`http://localhost:3000${url}`, { headers }));
    const target = response.headers.get("x-middleware-rewrite");
    return target ? new URL(target).pathname : null;
  };
  const locationOf = (url: string, headers: Record<string, string> = {}) => {
    const response = proxy(new NextRequest(`http://localhost:3000${url}`, { headers }));
    const location = response.headers.get("location");
    return location ? { status: response.status, to: new URL(location, "http://localhost:3000").pathname + new URL(location, "http://localhost:3000").search } : null;
  };

  it("renders German URLs from the de route and English ones from en, at the same paths as before", () => {
    expect(rewriteOf("/")).toBe("/de");
    expect(rewriteOf("/claims/x")).toBe("/de/claims/x");
    expect(rewriteOf("/methodology")).toBe("/de/methodology");
    // English URLs name their route already.
    expect(rewriteOf("/en/claims/x")).toBeNull();
    expect(locationOf("/en/claims/x")).toBeNull();
    // The feed and the sitemap are routes of the public site too.
    expect(rewriteOf("/feed.xml")).toBe("/de/feed.xml");
    expect(rewriteOf("/sitemap.xml")).toBe("/de/sitemap.xml");
    expect(rewriteOf("/en/feed.xml")).toBeNull();
    expect(rewriteOf("/robots.txt")).toBeNull();
    // /de/… is not a public URL: the German page is at the root.
    expect(locationOf("/de/topics")).toEqual({ status: 307, to: "/topics" });
  });

  it("renders page numbers from a route segment, so that the page can be prerendered", () => {
    expect(rewriteOf("/?page=3")).toBe("/de/p/3");
    expect(rewriteOf("/corrections?page=2")).toBe("/de/corrections/p/2");
    expect(rewriteOf("/topics/klima?page=4")).toBe("/de/topics/klima/p/4");
    expect(rewriteOf("/en/speakers/putin?qpage=2")).toBe("/en/speakers/putin/p/1/2");
    expect(rewriteOf("/speakers/putin?page=2&qpage=3")).toBe("/de/speakers/putin/p/2/3");
    // Page 1 and nonsense are the list's first page.
    expect(rewriteOf("/topics/klima?page=1")).toBe("/de/topics/klima");
    expect(rewriteOf("/topics/klima?page=abc")).toBe("/de/topics/klima");
    // Lists only: a claim has no pages.
    expect(rewriteOf("/claims/x?page=2")).toBe("/de/claims/x");
    // The route itself is not a second URL of the page.
    expect(locationOf("/topics/klima/p/4")).toEqual({ status: 308, to: "/topics/klima?page=4" });
    expect(locationOf("/en/p/2")).toEqual({ status: 308, to: "/en?page=2" });
  });

  it("sends a reader who lands on / to /en by cookie, then Accept-Language, and nobody anywhere else", () => {
    const english = { "accept-language": "en-US,en;q=0.9,de;q=0.5" };
    const redirected = proxy(new NextRequest("http://localhost:3000/", { headers: english }));
    expect(redirected.status).toBe(307);
    expect(redirected.headers.get("cache-control")).toBe("private, no-store");
    expect(locationOf("/?page=2", english)).toEqual({ status: 307, to: "/en?page=2" });
    expect(locationOf("/", { ...english, cookie: "claimbase-locale=de" })).toBeNull();
    expect(locationOf("/", { cookie: "claimbase-locale=en" })).toEqual({ status: 307, to: "/en" });
    expect(locationOf("/", { "accept-language": "de-DE,de;q=0.9,en;q=0.8" })).toBeNull();
    // Every other German URL is German for everyone, so a shared cache can keep it.
    expect(locationOf("/claims/x", english)).toBeNull();
    expect(locationOf("/claims/x", { cookie: "claimbase-locale=en" })).toBeNull();
    // Only reads: a form post to / is not redirected.
    expect(proxy(new NextRequest("http://localhost:3000/", { method: "POST", headers: english })).headers.get("location")).toBeNull();
  });

  it("lets a shared cache keep public pages for seconds, and leaves the desk, sign-in and APIs alone", () => {
    const cacheControl = (url: string) => proxy(new NextRequest(`http://localhost:3000${url}`)).headers.get("cache-control");
    for (const url of ["/en", "/claims/x", "/topics/klima?page=2", "/embed/claims/x", "/feed.xml", "/sitemap.xml"]) {
      expect(cacheControl(url), url).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+/);
    }
    for (const url of ["/admin", "/admin/claims", "/signin", "/reset-password", "/api/oembed", "/lang?to=en"]) {
      expect(cacheControl(url), url).toBeNull();
    }
    // `/` depends on the reader's language choice: no shared cache may answer it for another.
    expect(cacheControl("/")).toBe("private, max-age=0");
    expect(cacheControl("/?page=2")).toBe("private, max-age=0");
  });
});

describe("a request with a session", () => {
  it("is answered private, no-store on every public URL, whatever the cookie's form", () => {
    for (const cookie of ["authjs.session-token=x", "__Secure-authjs.session-token=x", "other=1; authjs.session-token.0=x"]) {
      for (const url of ["/", "/en", "/claims/x", "/embed/claims/x", "/feed.xml"]) {
        const response = proxy(new NextRequest(`http://localhost:3000${url}`, { headers: { cookie } }));
        expect(response.headers.get("cache-control"), `${url} ${cookie}`).toBe("private, no-store");
      }
    }
    // Other cookies do not make a session.
    const plain = proxy(new NextRequest("http://localhost:3000/claims/x", { headers: { cookie: "claimbase-locale=de" } }));
    expect(plain.headers.get("cache-control")).toMatch(/^public/);
  });
});

// The request path of public URLs as the production server takes it (tests/helpers/next-routing:
// next.config.js's header and rewrite rules from lib/public-routes.mjs, and proxy.ts where its
// matcher sends a request), checked with Next.js's own matching functions.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxyAnswer, routeOf } from "../helpers/next-routing";

describe("routing of public URLs", () => {
  const rewriteOf = (url: string, headers: Record<string, string> = {}) => routeOf(url, headers).route;
  const locationOf = (url: string, headers: Record<string, string> = {}) => routeOf(url, headers).redirect;

  it("renders German URLs from the de route and English ones from en, at the same paths as before", () => {
    expect(rewriteOf("/")).toBe("/de");
    expect(rewriteOf("/claims/x")).toBe("/de/claims/x");
    expect(rewriteOf("/methodology")).toBe("/de/methodology");
    expect(rewriteOf("/speakers/putin/claims")).toBe("/de/speakers/putin/claims");
    // English URLs name their route already.
    expect(rewriteOf("/en/claims/x")).toBe("/en/claims/x");
    expect(rewriteOf("/en")).toBe("/en");
    expect(locationOf("/en/claims/x")).toBeNull();
    // A German path that merely begins like a language prefix is German.
    expect(rewriteOf("/english-summary")).toBe("/de/english-summary");
    // The feed and the sitemap are routes of the public site too.
    expect(rewriteOf("/feed.xml")).toBe("/de/feed.xml");
    expect(rewriteOf("/sitemap.xml")).toBe("/de/sitemap.xml");
    expect(rewriteOf("/en/feed.xml")).toBe("/en/feed.xml");
    // Not the public site's: the desk, sign-in, APIs, embeds, files.
    for (const path of ["/robots.txt", "/admin", "/admin/claims/x", "/signin", "/reset-password", "/api/oembed", "/embed/claims/x", "/lang", "/favicon.ico", "/.well-known/security.txt", "/claims/x.json", "/_next/static/x.js"]) {
      expect(rewriteOf(path), path).toBe(path);
    }
    // /de/… is not a public URL: the German page is at the root.
    expect(locationOf("/de/topics")).toEqual({ status: 307, to: "/topics" });
    expect(locationOf("/de")).toEqual({ status: 307, to: "/" });
  });

  it("runs proxy.ts only for the URLs that need a decision per request", () => {
    // A plain public URL is routed by Next.js's own rules: a proxy costs more than the page.
    for (const url of ["/claims/x", "/en/claims/x", "/methodology", "/topics/klima", "/feed.xml", "/embed/claims/x", "/admin/claims"]) {
      expect(routeOf(url).proxied, url).toBe(false);
    }
    for (const url of ["/", "/de/claims/x", "/topics/klima?page=2", "/speakers/x?qpage=2", "/topics/klima/p/2", "/p/2", "/en/p/2"]) {
      expect(routeOf(url).proxied, url).toBe(true);
    }
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
    expect(rewriteOf("/en/topics/klima?page=abc")).toBe("/en/topics/klima");
    // Lists only: a claim has no pages.
    expect(rewriteOf("/claims/x?page=2")).toBe("/de/claims/x");
    // The route itself is not a second URL of the page.
    expect(locationOf("/topics/klima/p/4")).toEqual({ status: 308, to: "/topics/klima?page=4" });
    expect(locationOf("/en/p/2")).toEqual({ status: 308, to: "/en?page=2" });
  });

  it("renders a search from a route segment holding its parameters, so that it can be kept like a page", () => {
    expect(rewriteOf("/search")).toBe("/de/search");
    expect(rewriteOf("/en/search")).toBe("/en/search");
    expect(rewriteOf("/search?q=Putin")).toBe("/de/search/r/q%3DPutin");
    // Only the search's own parameters, in one order: the same search is one route.
    expect(rewriteOf("/search?page=2&utm_source=x&type=claims&q=Rente%20mit%2067")).toBe(`/de/search/r/${encodeURIComponent("q=Rente+mit+67&type=claims&page=2")}`);
    expect(rewriteOf("/en/search?type=claims&q=Rente+mit+67&page=2")).toBe(`/en/search/r/${encodeURIComponent("q=Rente+mit+67&type=claims&page=2")}`);
    // Defaults and empty values search nothing more.
    expect(rewriteOf("/search?q=&type=all&page=1")).toBe("/de/search");
    // Whatever is typed stays inside the one segment.
    const hostile = rewriteOf("/search?q=" + encodeURIComponent("../../admin?x=1#y/z\0"))!;
    expect(hostile.split("/")).toHaveLength(5);
    expect(decodeURIComponent(hostile.split("/")[4]!)).toBe(new URLSearchParams({ q: "../../admin?x=1#y/z\0" }).toString());
    // A very long value is cut where it can no longer change the search (200 characters).
    expect(rewriteOf("/search?q=" + "a".repeat(50_000))!.length).toBeLessThan(1200);
    // The route itself is not a second URL of the search.
    expect(locationOf("/search/r/q%3DPutin")).toEqual({ status: 308, to: "/search?q=Putin" });
    expect(locationOf("/en/search/r/q%3DPutin%26page%3D2")).toEqual({ status: 308, to: "/en/search?q=Putin&page=2" });
    expect(locationOf("/search/r/%E0%A4%A")).toEqual({ status: 308, to: "/search" });
  });

  it("sends a reader who lands on / to /en by cookie, then Accept-Language, and nobody anywhere else", () => {
    const english = { "accept-language": "en-US,en;q=0.9,de;q=0.5" };
    expect(routeOf("/", english)).toMatchObject({ redirect: { status: 307, to: "/en" }, cacheControl: "private, no-store" });
    expect(locationOf("/?page=2", english)).toEqual({ status: 307, to: "/en?page=2" });
    expect(locationOf("/", { ...english, cookie: "claimbase-locale=de" })).toBeNull();
    expect(locationOf("/", { cookie: "claimbase-locale=en" })).toEqual({ status: 307, to: "/en" });
    expect(locationOf("/", { "accept-language": "de-DE,de;q=0.9,en;q=0.8" })).toBeNull();
    // Every other German URL is German for everyone, so a shared cache can keep it.
    expect(locationOf("/claims/x", english)).toBeNull();
    expect(locationOf("/claims/x", { cookie: "claimbase-locale=en" })).toBeNull();
    // Only reads: a form post to / is not redirected.
    expect(proxyAnswer(new NextRequest("http://localhost:3000/", { method: "POST", headers: english })).headers.get("location")).toBeNull();
  });

  it("lets a shared cache keep public pages for seconds, and leaves the desk, sign-in and APIs alone", () => {
    const cacheControl = (url: string) => routeOf(url).cacheControl;
    for (const url of ["/en", "/claims/x", "/en/claims/x", "/topics/klima?page=2", "/embed/claims/x", "/feed.xml", "/en/feed.xml", "/sitemap.xml", "/robots.txt"]) {
      expect(cacheControl(url), url).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+/);
    }
    for (const url of ["/admin", "/admin/claims", "/admin/claims?page=2", "/signin", "/reset-password", "/api/oembed", "/lang?to=en", "/_next/static/x.js"]) {
      expect(cacheControl(url), url).toBeNull();
    }
    // `/` depends on the reader's language choice: no shared cache may answer it for another.
    expect(cacheControl("/")).toBe("private, max-age=0");
    expect(cacheControl("/?page=2")).toBe("private, max-age=0");
  });
});

describe("the public API (/api/v1)", () => {
  it("passes as it came: no language route, no page-number route, no header rule (its handlers set their own)", () => {
    for (const url of ["/api/v1/claims", "/api/v1/claims?page=2", "/api/v1/claims/x", "/api/v1/openapi.json", "/api/v1/claimreview-feed.json?lang=en"]) {
      const routed = routeOf(url);
      expect(routed.route, url).toBe(new URL(url, "http://x").pathname);
      expect(routed.redirect, url).toBeNull();
      expect(routed.cacheControl, url).toBeNull();
    }
  });

  it("routes the Fact Check Tools path /api/v1/claims:search (also percent-encoded) to its route folder, and nothing else there", () => {
    expect(routeOf("/api/v1/claims:search?query=x").route).toBe("/api/v1/claims-search");
    expect(routeOf("/api/v1/claims%3Asearch").route).toBe("/api/v1/claims-search");
    expect(routeOf("/api/v1/claims%3asearch").route).toBe("/api/v1/claims-search");
    expect(routeOf("/api/v1/claims:searchx").route).toBe("/api/v1/claims:searchx");
    expect(routeOf("/api/v1/claims/search").route).toBe("/api/v1/claims/search");
    expect(routeOf("/claims:search").route).toBe("/de/claims:search");
  });
});

describe("a request with a session", () => {
  it("is answered private, no-store on every public URL, whatever the cookie's form", () => {
    for (const cookie of ["authjs.session-token=x", "__Secure-authjs.session-token=x", "other=1; authjs.session-token.0=x"]) {
      for (const url of ["/", "/en", "/claims/x", "/topics/klima?page=2", "/embed/claims/x", "/feed.xml"]) {
        expect(routeOf(url, { cookie }).cacheControl, `${url} ${cookie}`).toBe("private, no-store");
      }
    }
    // Other cookies do not make a session.
    expect(routeOf("/claims/x", { cookie: "claimbase-locale=de" }).cacheControl).toMatch(/^public/);
  });
});

// app/api/auth/[...nextauth]/route.ts: a callbackUrl that is no http(s) URL (query parameter or
// Auth.js's callback-url cookie) gets a 400 before Auth.js, which took it for a configuration
// fault and answered 500 on every endpoint (found by the fuzz drill). Anything Auth.js accepts
// reaches it unchanged.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

const handlers = vi.hoisted(() => ({
  GET: vi.fn(async () => new Response("auth.js", { status: 200 })),
  POST: vi.fn(async () => new Response("auth.js", { status: 200 })),
}));
vi.mock("../../lib/auth/auth", () => ({ handlers }));

const { GET, POST } = await import("../../app/api/auth/[...nextauth]/route");

const request = (path: string, init: { method?: string; cookie?: string } = {}) =>
  new NextRequest(`http://localhost:3000${path}`, { method: init.method ?? "GET", headers: init.cookie ? { cookie: init.cookie } : {} });

beforeEach(() => {
  handlers.GET.mockClear();
  handlers.POST.mockClear();
});

describe("the Auth.js route", () => {
  for (const bad of ["javascript:alert(1)", "$K1", "../../etc/passwd", "2024-02-30", "\\\\evil.example\\x", " \t", "ftp://example.org/"]) {
    it(`answers 400 to callbackUrl=${JSON.stringify(bad)}, without Auth.js`, async () => {
      const response = await GET(request(`/api/auth/session?callbackUrl=${encodeURIComponent(bad)}`));
      expect(response.status).toBe(400);
      expect(handlers.GET).not.toHaveBeenCalled();
      const post = await POST(request(`/api/auth/callback/credentials?callbackUrl=${encodeURIComponent(bad)}`, { method: "POST" }));
      expect(post.status).toBe(400);
      expect(handlers.POST).not.toHaveBeenCalled();
    });
  }

  it("answers 400 to a callback-url cookie that is no URL, and clears it", async () => {
    const response = await GET(request("/api/auth/csrf", { cookie: "authjs.callback-url=javascript%3Aalert(1); other=1" }));
    expect(response.status).toBe(400);
    expect(response.headers.get("set-cookie")).toMatch(/authjs\.callback-url=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
    expect(handlers.GET).not.toHaveBeenCalled();
  });

  for (const good of ["/admin", "/admin/claims?status=draft", "http://localhost:3000/admin", "https://example.org/x"]) {
    it(`passes callbackUrl=${good} on to Auth.js`, async () => {
      const response = await GET(request(`/api/auth/signin?callbackUrl=${encodeURIComponent(good)}`, { cookie: `authjs.callback-url=${encodeURIComponent(good)}` }));
      expect(response.status).toBe(200);
      expect(handlers.GET).toHaveBeenCalledOnce();
    });
  }

  it("passes requests without a callbackUrl on to Auth.js", async () => {
    expect((await GET(request("/api/auth/session"))).status).toBe(200);
    expect((await POST(request("/api/auth/signout", { method: "POST" }))).status).toBe(200);
    expect(handlers.GET).toHaveBeenCalledOnce();
    expect(handlers.POST).toHaveBeenCalledOnce();
  });
});

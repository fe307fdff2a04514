// The gate in front of server actions (lib/server-action-gate.ts, run by proxy.ts): what React's
// own client sends passes, and each kind of request the fuzz drill found Next.js answering
// with a 500 is refused with its 4xx. The valid bodies come from React's reply encoder, the one
// the browser runs, so the gate is tested against the real format, not against our idea of it.
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES } from "../../lib/action-limits.mjs";
import { refuseActionRequest, replyProblem } from "../../lib/server-action-gate";
import { proxy } from "../../proxy";
import { proxyRuns } from "../helpers/next-routing";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

const HOST = "desk.example.org";
const ACTION_ID = "7f0fd41b50fe8fbdb5eea61d507aa7c782d7d76971";

interface Body {
  contentType: string;
  body: Uint8Array;
}

/** The body React's client sends for a call of an action with these arguments. */
async function reactBody(args: unknown[]): Promise<Body> {
  const encoded = await encodeReply(args);
  if (typeof encoded === "string") return { contentType: "text/plain;charset=UTF-8", body: new TextEncoder().encode(encoded) };
  const response = new Response(encoded);
  return { contentType: response.headers.get("content-type")!, body: new Uint8Array(await response.arrayBuffer()) };
}

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
}

/** A multipart body of these parts (name, text), with this boundary. */
function multipart(parts: [string, string][], boundary = "gateboundary"): Body {
  const text = parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: new TextEncoder().encode(text) };
}

function gate(body: Body, options: { path?: string; headers?: Record<string, string>; action?: boolean } = {}) {
  const headers = new Headers({ host: HOST, origin: `https://${HOST}`, "content-type": body.contentType, ...options.headers });
  if (options.action !== false) headers.set("next-action", ACTION_ID);
  for (const [k, v] of Object.entries(options.headers ?? {})) if (v === "") headers.delete(k);
  return refuseActionRequest({ method: "POST", pathname: options.path ?? "/admin/claims/x", headers, body: body.body });
}

describe("the server action gate", () => {
  it("lets through what React's client sends: forms, previous state with dates, maps and escaped text, plain arguments", async () => {
    const previous = { status: "error", code: "validation", note: "$not a reference", when: new Date(0), seen: new Map([["a", 1]]), ids: new Set(["x"]) };
    for (const args of [
      [previous, form({ claimId: "abc", body: "$text that looks like a reference", title: "„Zitat“ 😀" })],
      [{ status: "idle" }, form({})],
      [{ status: "idle" }, "text"],
      [],
    ]) {
      const body = await reactBody(args);
      expect(await gate(body), JSON.stringify(body.contentType)).toBeNull();
    }
    // On the sign-in and reset pages too, and without Origin (a hand-made request: Next.js lets it through).
    const body = await reactBody([{ status: "idle" }, form({ email: "a@b.c" })]);
    expect(await gate(body, { path: "/signin" })).toBeNull();
    expect(await gate(body, { path: "/reset-password" })).toBeNull();
    expect(await gate(body, { headers: { origin: "" } })).toBeNull();
    // Behind a trusted proxy, Origin names the forwarded host.
    expect(await gate(body, { headers: { host: "127.0.0.1:3000", origin: `https://${HOST}`, "x-forwarded-host": HOST } })).toBeNull();
    // A form sent without JavaScript (no Next-Action header): its fields are plain text.
    expect(await gate(multipart([["$ACTION_ID_" + ACTION_ID, ""], ["text", "[[[[not json"]]), { action: false })).toBeNull();
  });

  it("refuses the requests Next.js answered with a 500, each with its 4xx", async () => {
    const valid = await reactBody([{ status: "idle" }, form({ claimId: "abc", body: "x" })]);
    const status = async (body: Body, options?: Parameters<typeof gate>[1]) => (await gate(body, options))?.status ?? null;

    // An action posted to a page that has none (the public site, an unknown page).
    for (const path of ["/", "/claims/x", "/en/search", "/gibt-es-nicht"]) expect(await status(valid, { path }), path).toBe(404);
    // Another site, or an Origin no URL can be made of.
    for (const origin of ["https://evil.example", "null", "::::", `http://${HOST}.evil.example`]) expect(await status(valid, { headers: { origin } }), origin).toBe(403);
    // Content types.
    for (const contentType of ["application/json", "application/x-www-form-urlencoded", ""]) {
      expect(await status({ ...valid, contentType }), contentType).toBe(415);
    }
    for (const contentType of ["multipart/form-data", "multipart/form-data; boundary=", `multipart/form-data; boundary=${"b".repeat(10_000)}`]) {
      expect(await status({ ...valid, contentType }), contentType.slice(0, 40)).toBe(400);
    }
    // A boundary the body does not use; an empty body; a body cut off; no arguments part.
    expect(await status({ ...valid, contentType: "multipart/form-data; boundary=nope" })).toBe(400);
    expect(await status({ ...valid, body: new Uint8Array() })).toBe(400);
    expect(await status({ ...valid, body: valid.body.subarray(0, Math.floor(valid.body.length / 2)) })).toBe(400);
    expect(await status(multipart([["_1_claimId", "x"]]))).toBe(400);
    // A NUL or a line break in a part's header.
    const raw = (text: string): Body => ({ contentType: "multipart/form-data; boundary=b", body: new TextEncoder().encode(text) });
    expect(await status(raw(`--b\r\nContent-Disposition: form-data; name="0"\r\nX: a\u0000b\r\n\r\n[]\r\n--b--\r\n`))).toBe(400);
    // Arguments React's decoder fails on: no JSON, cut off, no list, a reference to nothing, too deep.
    for (const root of ["not json", `[{"status":`, `"x"`, `{"a":1}`, `["$@7","$K9"]`, `["$Q3"]`, `["$1f:a"]`, "[".repeat(20_000) + "]".repeat(20_000)]) {
      expect(await status(multipart([["0", root]])), root.slice(0, 20)).toBe(400);
      expect(await status({ contentType: "text/plain;charset=UTF-8", body: new TextEncoder().encode(root) }), root.slice(0, 20)).toBe(400);
    }
    // Over the limit, by Content-Length or by what arrived.
    expect(await status(valid, { headers: { "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) } })).toBe(413);
    const big = multipart([["0", `[{"status":"idle"},"$K1"]`], ["_1_body", "a".repeat(ACTION_BODY_LIMIT_BYTES)]]);
    expect(await status(big)).toBe(413);
    // A form sent without JavaScript whose body is no multipart.
    expect(await status({ ...valid, body: valid.body.subarray(0, 20) }, { action: false })).toBe(400);
  });

  it("finds references to parts that are there, and no others", () => {
    const parts = new Set([0, 1, 31]);
    expect(replyProblem(`["$1","$@1f","$Q1","$W1","$i1","$h1","$1f:a:b"]`, parts, true)).toBeNull();
    expect(replyProblem(`["$$1","$K5","$D2020-01-01","$u","$-0","$n12","$T"]`, parts, true)).toBeNull();
    expect(replyProblem(`[{"a":[{"b":"$2"}]}]`, parts, true)).toMatch(/part/);
    expect(replyProblem(`{"x":1}`, parts, false)).toBeNull();
    expect(replyProblem(`[${"[".repeat(64)}${"]".repeat(64)}]`, parts, true)).toMatch(/deeper/);
    expect(replyProblem(`["${"[".repeat(100)}"]`, parts, true)).toBeNull(); // brackets inside a string
  });

  it("runs for form posts on every page, and answers the refused ones itself", async () => {
    for (const path of ["/", "/claims/x", "/admin/claims/x", "/signin"]) {
      expect(proxyRuns(path, { "next-action": ACTION_ID }), path).toBe(true);
      expect(proxyRuns(path, { "content-type": "multipart/form-data; boundary=x" }), path).toBe(true);
    }
    // Not for the API routes, which read their own bodies, nor for a plain page view.
    expect(proxyRuns("/api/admin/x", { "next-action": ACTION_ID })).toBe(false);
    expect(proxyRuns("/admin/claims/x")).toBe(false);

    const body = await reactBody([{ status: "idle" }, form({ claimId: "abc" })]);
    const request = (path: string, origin: string) =>
      new NextRequest(`https://${HOST}${path}`, {
        method: "POST",
        headers: { host: HOST, origin, "next-action": ACTION_ID, "content-type": body.contentType },
        body: Buffer.from(body.body),
      });
    const refused = await proxy(request("/admin/claims/x", "https://evil.example"));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/Origin/);
    const passed = await proxy(request("/admin/claims/x", `https://${HOST}`));
    expect(passed.status).toBe(200);
    expect(passed.headers.get("x-middleware-next")).toBe("1");
  });
});

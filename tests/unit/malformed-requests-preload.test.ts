// The preload scripts/malformed-requests.cjs, as npm start loads it (before
// scripts/trusted-proxies.cjs), into a plain HTTP server in a child process: a request of which
// no URL can be made (a malformed percent-encoding in the path or one that decodes to a control
// character, a Host or, from a trusted proxy,
// X-Forwarded-Host/-Proto that no URL can hold) gets a 400 and never reaches the server, which
// in Next.js answered them with a 500 (found by the fuzz drill). Everything else passes.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "../..");
const MALFORMED = path.join(ROOT, "scripts/malformed-requests.cjs");
const TRUSTED = path.join(ROOT, "scripts/trusted-proxies.cjs");
const { pathIsMalformed, isHost } = require(MALFORMED) as { pathIsMalformed: (url: string) => boolean; isHost: (host: string) => boolean };

const SERVER = `
require("node:http").createServer((req, res) => res.end("reached:" + req.url)).listen(0, "127.0.0.1", function () { console.log(this.address().port); });
`;

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill();
});

async function startServer(trusted: string | undefined): Promise<number> {
  const env: NodeJS.ProcessEnv = { NODE_ENV: "production", PATH: process.env.PATH, ...(trusted === undefined ? {} : { CLAIMBASE_TRUSTED_PROXIES: trusted }) };
  const child = spawn(process.execPath, ["--require", MALFORMED, "--require", TRUSTED, "-e", SERVER], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c;
      if (out.includes("\n")) resolve(Number(out.trim()));
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
}

/** Sends the request as written; resolves to the status and body of the answer. */
function send(port: number, target: string, headers: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    socket.setEncoding("latin1");
    socket.on("data", (c: string) => (answer += c));
    socket.on("error", reject);
    socket.on("end", () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0), body: answer.slice(answer.indexOf("\r\n\r\n") + 4) }));
    socket.write([`GET ${target} HTTP/1.1`, ...headers, "Connection: close", "", ""].join("\r\n"));
  });
}

describe("the rules", () => {
  it("a path is malformed when it cannot be percent-decoded", () => {
    for (const bad of ["/claims/%E0%A4%A", "/p/%", "/a%FF%FE", "/%C0%AF", "/x%ED%A0%80", "/%G0", "http://h/%"]) expect(pathIsMalformed(bad), bad).toBe(true);
    // ... or decodes to a control character
    for (const bad of ["/admin/claims/%00", "/topics/a%00b", "/x%0Ay", "/x%7F"]) expect(pathIsMalformed(bad), bad).toBe(true);
    for (const good of ["/", "/claims/a%20b", "/speakers/m%C3%BCller", "/p/2?q=%FF", "/a%2Fb", "/search?q=%", "http://h/ok?x=%"]) expect(pathIsMalformed(good), good).toBe(false);
  });

  it("a host is host[:port] that a URL can hold", () => {
    for (const bad of ["example.org:99999", "[::1", "a@b", "a b", "x/y", "%00", "a\\b", "h:-1"]) expect(isHost(bad), bad).toBe(false);
    for (const good of ["example.org", "example.org:80", "127.0.0.1:3000", "[::1]:3000", "localhost", "x:0"]) expect(isHost(good), good).toBe(true);
  });
});

describe("a server started with the preloads", () => {
  let direct: number;
  let behindProxy: number;
  beforeAll(async () => {
    [direct, behindProxy] = await Promise.all([startServer(undefined), startServer("127.0.0.1")]);
  });

  it("answers 400 to a path with a malformed percent-encoding", async () => {
    for (const target of ["/claims/%E0%A4%A", "/p/%", "/embed/claims/%C0%AF%E0%80%AF", "/admin/claims/%00", "/api/admin/sources/a%00b/text"]) {
      const answer = await send(direct, target, ["Host: app.example"]);
      expect(answer.status, target).toBe(400);
      expect(answer.body).not.toContain("reached");
    }
  });

  it("answers 400 to a Host no URL can hold", async () => {
    for (const host of ["app.example:99999", "[::1", "a@b"]) expect((await send(direct, "/admin", [`Host: ${host}`])).status, host).toBe(400);
  });

  it("answers 400 to a trusted proxy's X-Forwarded-Host or -Proto that no URL can hold", async () => {
    expect((await send(behindProxy, "/admin", ["Host: app.example", "X-Forwarded-Host: app.example:99999"])).status).toBe(400);
    expect((await send(behindProxy, "/admin", ["Host: app.example", "X-Forwarded-Proto: gopher"])).status).toBe(400);
  });

  it("checks after trusted-proxies.cjs: forwarding headers of an untrusted peer are dropped, not refused", async () => {
    const answer = await send(direct, "/admin", ["Host: app.example", "X-Forwarded-Host: app.example:99999", "X-Forwarded-Proto: gopher"]);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe("reached:/admin");
  });

  it("lets every well-formed request through", async () => {
    for (const [server, target, headers] of [
      [direct, "/claims/m%C3%BCller?q=%FF", ["Host: app.example:3000"]],
      [direct, "/", ["Host: [::1]:3000"]],
      [behindProxy, "/admin", ["Host: app.example", "X-Forwarded-Host: www.example.org", "X-Forwarded-Proto: https", "X-Forwarded-Port: 443"]],
    ] as const) {
      const answer = await send(server, target, [...headers]);
      expect(answer.status, target).toBe(200);
      expect(answer.body).toBe(`reached:${target}`);
    }
  });
});

// The preload scripts/trusted-proxies.cjs (npm start loads it into Next.js with --require),
// against a plain HTTP server in a child process started the same way, which answers with the
// headers it was given: forged X-Forwarded-* from a peer that is not a trusted proxy never
// reach it, and from a trusted proxy X-Forwarded-For arrives resolved to the one client.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const PRELOAD = path.resolve(import.meta.dirname, "../../scripts/trusted-proxies.cjs");

// Answers every request, and every upgrade request, with what it saw.
const SERVER = `
const http = require("node:http");
const seen = (req) => JSON.stringify({ headers: req.headers, rawHeaders: req.rawHeaders, distinct: req.headersDistinct });
const server = http.createServer((req, res) => {
  res.setHeader("content-type", "application/json");
  res.end(seen(req));
});
server.on("upgrade", (req, socket) => {
  const body = Buffer.from(seen(req));
  socket.end("HTTP/1.1 200 OK\\r\\ncontent-type: application/json\\r\\ncontent-length: " + body.length + "\\r\\nconnection: close\\r\\n\\r\\n" + body);
});
server.listen(0, process.env.LISTEN, () => console.log(server.address().port));
`;

interface Seen {
  headers: Record<string, string>;
  rawHeaders: string[];
  distinct: Record<string, string[]>;
}

interface Server {
  port: number;
  child: ChildProcess;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill();
});

function env(trusted: string | undefined, listen: string): NodeJS.ProcessEnv {
  // Nothing inherited, so that no CLAIMBASE_TRUSTED_PROXIES of the caller's slips in.
  return { NODE_ENV: "production", PATH: process.env.PATH, LISTEN: listen, ...(trusted === undefined ? {} : { CLAIMBASE_TRUSTED_PROXIES: trusted }) };
}

async function startServer(trusted: string | undefined, listen = "127.0.0.1"): Promise<Server> {
  const child = spawn(process.execPath, ["--require", PRELOAD, "-e", SERVER], { env: env(trusted, listen), stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk;
      const line = stdout.split("\n")[0];
      if (stdout.includes("\n")) resolve(Number(line));
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
  return { port, child };
}

/** Sends a request exactly as written (so headers can repeat) and returns what the server saw. */
function send(port: number, headerLines: string[], { host = "127.0.0.1", head = "GET / HTTP/1.1" } = {}): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host);
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const body = answer.slice(answer.indexOf("\r\n\r\n") + 4);
      try {
        resolve(JSON.parse(body) as Seen);
      } catch {
        reject(new Error(`not an answer: ${answer}`));
      }
    });
    socket.write([head, `Host: app.example:${port}`, ...headerLines, "Connection: close", "", ""].join("\r\n"));
  });
}

const FORGED = [
  "X-Forwarded-For: 6.6.6.6",
  "X-Forwarded-For: 7.7.7.7, 8.8.8.8",
  "X-Forwarded-Host: evil.example",
  "X-Forwarded-Proto: https",
  "X-Forwarded-Port: 443",
  "X-Real-IP: 9.9.9.9",
  "Forwarded: for=9.9.9.9;host=evil.example;proto=https",
];

const FORWARDING = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** The names in rawHeaders, lower case, with how often each occurs. */
function rawNames(seen: Seen): Record<string, number> {
  const names: Record<string, number> = {};
  for (let i = 0; i < seen.rawHeaders.length; i += 2) {
    const name = seen.rawHeaders[i]!.toLowerCase();
    names[name] = (names[name] ?? 0) + 1;
  }
  return names;
}

/** X-Forwarded-For is `client`, once, in all three views of the headers. */
function expectForwardedFor(seen: Seen, client: string) {
  expect(seen.headers["x-forwarded-for"]).toBe(client);
  expect(seen.distinct["x-forwarded-for"]).toEqual([client]);
  expect(rawNames(seen)["x-forwarded-for"]).toBe(1);
  expect(seen.rawHeaders[seen.rawHeaders.findIndex((name) => name.toLowerCase() === "x-forwarded-for") + 1]).toBe(client);
}

describe("without trusted proxies (the default)", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer(undefined);
  });

  it("drops every forged forwarding header and gives X-Forwarded-For the peer", async () => {
    const seen = await send(server.port, [...FORGED, "Accept: text/html"]);
    expectForwardedFor(seen, "127.0.0.1");
    for (const name of FORWARDING.slice(1)) {
      expect(seen.headers[name], name).toBeUndefined();
      expect(seen.distinct[name], name).toBeUndefined();
      expect(rawNames(seen)[name], name).toBeUndefined();
    }
    // Everything else arrives unchanged.
    expect(seen.headers.host).toBe(`app.example:${server.port}`);
    expect(seen.headers.accept).toBe("text/html");
    expect(seen.rawHeaders).toContain("Accept");
    expect(JSON.stringify(seen)).not.toMatch(/6\.6\.6\.6|7\.7\.7\.7|8\.8\.8\.8|9\.9\.9\.9|evil/);
  });

  it("does so for upgrade requests too", async () => {
    const seen = await send(server.port, [...FORGED, "Upgrade: websocket", "Connection: Upgrade"]);
    expectForwardedFor(seen, "127.0.0.1");
    expect(seen.headers["x-forwarded-host"]).toBeUndefined();
    expect(JSON.stringify(seen)).not.toMatch(/6\.6\.6\.6|evil/);
  });

  it("sets X-Forwarded-For from the peer when the client sent none", async () => {
    expectForwardedFor(await send(server.port, []), "127.0.0.1");
  });
});

describe("with the peer listed in CLAIMBASE_TRUSTED_PROXIES", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer("127.0.0.1,::1,10.0.0.0/8");
  });

  it("resolves X-Forwarded-For to the client the proxy reports and keeps its host and protocol", async () => {
    const seen = await send(server.port, [
      "X-Forwarded-For: 6.6.6.6, 203.0.113.9",
      "X-Forwarded-For: 10.1.2.3",
      "X-Forwarded-Host: claimbase.example",
      "X-Forwarded-Proto: https",
      "X-Forwarded-Port: 443",
      "X-Real-IP: 9.9.9.9",
      "Forwarded: for=9.9.9.9",
    ]);
    expectForwardedFor(seen, "203.0.113.9");
    expect(seen.headers["x-forwarded-host"]).toBe("claimbase.example");
    expect(seen.headers["x-forwarded-proto"]).toBe("https");
    expect(seen.headers["x-forwarded-port"]).toBe("443");
    // Nothing reads these; they are not passed on even from a proxy.
    expect(seen.headers["x-real-ip"]).toBeUndefined();
    expect(seen.headers.forwarded).toBeUndefined();
    expect(rawNames(seen)["x-real-ip"]).toBeUndefined();
  });

  it("takes the proxy itself for the client when it sends no X-Forwarded-For", async () => {
    expectForwardedFor(await send(server.port, ["X-Forwarded-Proto: https"]), "127.0.0.1");
  });
});

describe("a peer that is not listed", () => {
  it("is its own client even when others are trusted", async () => {
    const server = await startServer("10.0.0.0/8,192.0.2.1");
    const seen = await send(server.port, ["X-Forwarded-For: 10.0.0.1", "X-Forwarded-Host: evil.example"]);
    expectForwardedFor(seen, "127.0.0.1");
    expect(seen.headers["x-forwarded-host"]).toBeUndefined();
  });
});

describe("IPv4 clients of a server listening on ::", () => {
  it("match IPv4 entries (the peer is reported as ::ffff:127.0.0.1) and are handed on as IPv4", async () => {
    const untrusting = await startServer("", "::");
    expectForwardedFor(await send(untrusting.port, ["X-Forwarded-For: 6.6.6.6"]), "127.0.0.1");
    const trusting = await startServer("127.0.0.1", "::");
    expectForwardedFor(await send(trusting.port, ["X-Forwarded-For: 6.6.6.6, 203.0.113.9"]), "203.0.113.9");
  });
});

describe("a bad CLAIMBASE_TRUSTED_PROXIES", () => {
  it("stops the process with a message before it serves anything", () => {
    const result = spawnSync(process.execPath, ["--require", PRELOAD, "-e", SERVER], { env: env("127.0.0.1,proxy.local", "127.0.0.1"), encoding: "utf8", timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('CLAIMBASE_TRUSTED_PROXIES="127.0.0.1,proxy.local": expected IP addresses or CIDR ranges');
  });
});

// scripts/strict-transport.cjs, preloaded into a plain Node process as npm start preloads it into
// Next.js: Strict-Transport-Security on every answer (a page, a redirect, an error) when the
// public URL is https, and never for a plain-http site.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const PRELOAD = path.resolve(import.meta.dirname, "../../scripts/strict-transport.cjs");
// Three answers of different kinds from one server; prints the header each one carried.
const SERVER = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  if (req.url === "/redirect") { res.writeHead(307, { Location: "/en" }); res.end(); }
  else if (req.url === "/error") { res.statusCode = 500; res.end("no"); }
  else res.end("page");
});
server.listen(0, "127.0.0.1", async () => {
  const seen = [];
  for (const p of ["/", "/redirect", "/error"]) {
    const res = await fetch("http://127.0.0.1:" + server.address().port + p, { redirect: "manual" });
    seen.push(res.headers.get("strict-transport-security"));
  }
  console.log(JSON.stringify(seen));
  server.close();
});
`;

function headersWith(publicUrl: string | undefined): (string | null)[] {
  const env = { ...process.env };
  if (publicUrl === undefined) delete env.CLAIMBASE_PUBLIC_URL;
  else env.CLAIMBASE_PUBLIC_URL = publicUrl;
  return JSON.parse(execFileSync(process.execPath, ["--require", PRELOAD, "-e", SERVER], { env, encoding: "utf8" }).trim()) as (string | null)[];
}

describe("Strict-Transport-Security", () => {
  it("is sent on every answer when the public URL is https", () => {
    expect(headersWith("https://faktencheck.example")).toEqual(Array(3).fill("max-age=31536000; includeSubDomains"));
  });

  it("is not sent for a plain-http site", () => {
    expect(headersWith("http://localhost:3000")).toEqual([null, null, null]);
    expect(headersWith(undefined)).toEqual([null, null, null]);
  });
});

// scripts/listen-host.cjs, preloaded into a plain Node process as npm start preloads it into
// Next.js: a server that listens without an address (as next start does without -H) listens on
// CLAIMBASE_LISTEN_HOST, and on every address without it.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const PRELOAD = path.resolve(import.meta.dirname, "../../scripts/listen-host.cjs");
const SERVER = `
const server = require("node:http").createServer();
server.listen(0, undefined, () => { console.log(server.address().address); server.close(); });
`;

function addressWith(host: string | undefined): string {
  const env = { ...process.env };
  if (host === undefined) delete env.CLAIMBASE_LISTEN_HOST;
  else env.CLAIMBASE_LISTEN_HOST = host;
  return execFileSync(process.execPath, ["--require", PRELOAD, "-e", SERVER], { env, encoding: "utf8" }).trim();
}

describe("the listening address of the app", () => {
  it("is HOST when it is set, with or without IPv6 brackets", () => {
    expect(addressWith("127.0.0.1")).toBe("127.0.0.1");
    expect(addressWith("[::1]")).toBe("::1");
  });

  it("is every address when HOST is not set", () => {
    expect(["::", "0.0.0.0"]).toContain(addressWith(undefined));
    expect(["::", "0.0.0.0"]).toContain(addressWith(""));
  });
});

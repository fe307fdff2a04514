// Preloaded into Next.js by npm start (scripts/start.ts, `node --require`): every request is
// cleaned of forged forwarding headers before Next.js (or anything else in the process) sees it.
//
// Next.js sets X-Forwarded-For, -Host, -Proto and -Port only when they are missing (??=), and
// does not tell route handlers or server actions the TCP peer, so a client's own
// `X-Forwarded-For: 1.2.3.4` would pass for its address (sign-in throttling, lib/auth/
// rate-limit.ts) and its `X-Forwarded-Host` / `-Proto` for the site's (Auth.js, server action
// origin checks). Here, for every request (also 100-continue, upgrade and CONNECT requests):
// - from a peer that is not listed in CLAIMBASE_TRUSTED_PROXIES (by default: any peer),
//   X-Forwarded-For/-Host/-Proto/-Port, X-Real-IP and Forwarded are removed; Next.js then
//   derives host, protocol and port from the connection itself;
// - from a trusted proxy, X-Forwarded-Host/-Proto/-Port are kept as the proxy sent them;
//   X-Real-IP and Forwarded are removed all the same (nothing reads them);
// - either way X-Forwarded-For is then exactly one address: the client, resolved by the rule of
//   lib/trusted-proxies.cjs (the peer itself, or the first untrusted hop in the proxy's
//   X-Forwarded-For, read from the right).
// req.headers, req.rawHeaders and req.headersDistinct are changed alike.
//
// A bad CLAIMBASE_TRUSTED_PROXIES stops the process with a message (npm start checks it before).
"use strict";

const http = require("node:http");
const https = require("node:https");
const { FORWARDING_HEADERS, parseTrustedProxies, resolveClientAddress } = require("../lib/trusted-proxies.cjs");

const VARIABLE = "CLAIMBASE_TRUSTED_PROXIES";

/** @type {import("../lib/trusted-proxies.cjs").TrustedProxies} */
let trusted;
try {
  trusted = parseTrustedProxies(process.env[VARIABLE]);
} catch (error) {
  console.error(`Invalid settings:\n  - ${VARIABLE}=${JSON.stringify(process.env[VARIABLE])}: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

/** Dropped from every request: nothing reads them, and they would be a second, unchecked source. */
const ALWAYS_DROPPED = ["x-forwarded-for", "x-real-ip", "forwarded"];
/** Events whose first argument is the request (http.Server and https.Server). */
const REQUEST_EVENTS = new Set(["request", "checkContinue", "checkExpectation", "upgrade", "connect"]);
const CLEANED = Symbol("claimbase.trustedProxies.cleaned");
const PATCHED = Symbol.for("claimbase.trustedProxies.patched");

/**
 * Removes the headers `names` (lower case) and, when `client` is given, sets X-Forwarded-For to it.
 * @param {http.IncomingMessage} req
 * @param {readonly string[]} names
 * @param {string | null} client
 */
function rewrite(req, names, client) {
  // Node computes req.headers and req.headersDistinct from rawHeaders on first use (counting on
  // its original length), then keeps them: compute both now, then change all three alike.
  const headers = req.headers;
  const distinct = req.headersDistinct;
  const raw = req.rawHeaders;
  if (Array.isArray(raw)) {
    const kept = [];
    for (let i = 0; i + 1 < raw.length; i += 2) {
      if (!names.includes(String(raw[i]).toLowerCase())) kept.push(raw[i], raw[i + 1]);
    }
    if (client !== null) kept.push("X-Forwarded-For", client);
    raw.length = 0;
    for (const item of kept) raw.push(item);
  }
  for (const name of names) {
    delete headers[name];
    if (distinct) delete distinct[name];
  }
  if (client !== null) {
    headers["x-forwarded-for"] = client;
    if (distinct) distinct["x-forwarded-for"] = [client];
  }
}

/**
 * Cleans a request once; false when that failed (should not happen), and the request must not
 * be passed on.
 * @param {http.IncomingMessage} req
 */
function clean(req) {
  if (req[CLEANED]) return true;
  req[CLEANED] = true;
  try {
    const peer = req.socket ? req.socket.remoteAddress : undefined;
    const fromProxy = trusted.includes(peer);
    const client = resolveClientAddress({ peer, forwardedFor: req.headers["x-forwarded-for"], trusted });
    rewrite(req, fromProxy ? ALWAYS_DROPPED : FORWARDING_HEADERS, client);
    return true;
  } catch {
    try {
      rewrite(req, FORWARDING_HEADERS, null);
      return true;
    } catch {
      return false;
    }
  }
}

/** @param {object} prototype */
function patch(prototype) {
  if (Object.prototype.hasOwnProperty.call(prototype, PATCHED)) return;
  const emit = prototype.emit;
  prototype.emit = function emitCleaned(event, req) {
    if (REQUEST_EVENTS.has(event) && req && typeof req === "object" && Array.isArray(req.rawHeaders) && !clean(req)) {
      // Believe nothing, pass on nothing.
      if (req.socket) req.socket.destroy();
      return true;
    }
    return emit.apply(this, arguments);
  };
  Object.defineProperty(prototype, PATCHED, { value: true });
}

patch(http.Server.prototype);
patch(https.Server.prototype);

// Preloaded into Next.js by npm start (scripts/start.ts, `node --require`): a request of which
// no URL can be made gets a 400 here, before Next.js, which builds URLs from the request's host
// and path without catching the failure and answers 500 (found by the fuzz drill, npm run
// drill -- fuzz):
// - a path with a malformed percent-encoding (`/claims/%E0%A4%A`, `/p/%`): any route; and a
//   path that decodes to a control character (`/admin/claims/%00`), which names nothing and
//   a NUL of which PostgreSQL refuses;
// - a Host that no URL can hold (`example.org:99999`, `[::1`, `a@b`), the same for
//   X-Forwarded-Host, and an X-Forwarded-Proto other than http or https: every page that asks
//   for the session (Auth.js builds its URL from them).
// X-Forwarded-* reach this point only from a trusted proxy: scripts/trusted-proxies.cjs drops
// them from everyone else first (start.ts loads this preload before that one, so that its
// check runs after the cleaning: the preload loaded last wraps the others and runs first).
// The query string is not checked: Next.js reads a malformed one leniently.
"use strict";

const http = require("node:http");
const https = require("node:https");

const PATCHED = Symbol.for("claimbase.malformedRequests.patched");

/**
 * Whether the path cannot be percent-decoded, or decodes to a control character (a NUL
 * reached PostgreSQL from an [id] segment, which refuses it in text: a 500). No route's path
 * has one.
 * @param {string} url the request target
 */
function pathIsMalformed(url) {
  let path = url;
  // absolute-form ("GET http://host/path HTTP/1.1"): the path only
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(path);
  if (absolute) path = path.slice(absolute[0].length);
  const end = path.search(/[?#]/);
  if (end !== -1) path = path.slice(0, end);
  try {
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u001f\u007f]/.test(decodeURIComponent(path));
  } catch {
    return true;
  }
}

/** Whether `value` is a host[:port] a URL can hold (as the Host header must be). */
function isHost(value) {
  if (value.length > 255 || /[\s@/\\?#]/.test(value)) return false;
  try {
    const url = new URL(`http://${value}`);
    return url.hostname !== "";
  } catch {
    return false;
  }
}

/** @param {import("node:http").IncomingMessage} req */
function problem(req) {
  if (typeof req.url === "string" && pathIsMalformed(req.url)) return "the path is not percent-encoded text";
  const headers = req.headers;
  if (typeof headers.host === "string" && headers.host !== "" && !isHost(headers.host)) return "Host is no host";
  const forwardedHost = headers["x-forwarded-host"];
  if (typeof forwardedHost === "string" && !forwardedHost.split(",").every((h) => isHost(h.trim()))) return "X-Forwarded-Host is no host";
  const proto = headers["x-forwarded-proto"];
  if (typeof proto === "string" && !proto.split(",").every((p) => /^https?$/i.test(p.trim()))) return "X-Forwarded-Proto is neither http nor https";
  const port = headers["x-forwarded-port"];
  if (typeof port === "string" && !port.split(",").every((p) => /^\d{1,5}$/.test(p.trim()) && Number(p) <= 65535)) return "X-Forwarded-Port is no port";
  return null;
}

/** @param {object} prototype */
function patch(prototype) {
  if (Object.prototype.hasOwnProperty.call(prototype, PATCHED)) return;
  const emit = prototype.emit;
  prototype.emit = function emitWellFormed(event, req, res) {
    if (event === "request" && req && res && typeof res.writeHead === "function") {
      const why = problem(req);
      if (why) {
        res.writeHead(400, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" });
        res.end(`Bad Request: ${why}.\n`);
        return true;
      }
    }
    return emit.apply(this, arguments);
  };
  Object.defineProperty(prototype, PATCHED, { value: true });
}

patch(http.Server.prototype);
patch(https.Server.prototype);

module.exports = { pathIsMalformed, isHost };

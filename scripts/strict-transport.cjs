// Preloaded into Next.js by npm start (scripts/start.ts, `node --require`): when the public site
// is https (CLAIMBASE_PUBLIC_URL), every answer carries Strict-Transport-Security, so a browser
// that saw the site over HTTPS keeps to HTTPS for the host for a year.
//
// Here and not in next.config.js: Next.js fixes its header rules at build time, and the public
// URL is a setting of the running server. Not in proxy.ts either: it runs only for a few URLs
// (a proxy per request costs more than a cached page, lib/public-routes.mjs).
"use strict";

const http = require("node:http");

const HEADER = "Strict-Transport-Security";
const VALUE = "max-age=31536000; includeSubDomains";
const PATCHED = Symbol.for("claimbase.strictTransport.patched");

if (process.env.CLAIMBASE_PUBLIC_URL?.startsWith("https://") && !Object.prototype.hasOwnProperty.call(http.Server.prototype, PATCHED)) {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithStrictTransport(event, req, res) {
    if (event === "request" && res && typeof res.setHeader === "function") res.setHeader(HEADER, VALUE);
    return emit.apply(this, arguments);
  };
  Object.defineProperty(http.Server.prototype, PATCHED, { value: true });
}

// Preloaded into Next.js by npm start (scripts/start.ts): the address Next.js listens on, from
// HOST (CLAIMBASE_LISTEN_HOST here). Next.js's own -H option cannot be used for it: with -H set
// to an address other than localhost, Next.js 16 hands proxy.ts a URL on "localhost" while it
// takes its own origin from the -H address, so every rewrite of proxy.ts (the language routes)
// looks like one to another origin and ends in a redirect loop. Without -H both are localhost,
// and the address is set here instead, on the one HTTP server Next.js opens.
const http = require("node:http");

// An IPv6 address may come in brackets (HOST=[::1]); listen() wants it without.
const host = process.env.CLAIMBASE_LISTEN_HOST?.replace(/^\[(.*)\]$/, "$1");
if (host) {
  const listen = http.Server.prototype.listen;
  http.Server.prototype.listen = function listenOnHost(...args) {
    // next start calls listen(port, undefined) when no -H is given.
    if (typeof args[0] === "number" && (args[1] === undefined || typeof args[1] === "function")) {
      const rest = args[1] === undefined ? args.slice(2) : args.slice(1);
      return listen.call(this, args[0], host, ...rest);
    }
    return listen.apply(this, args);
  };
}

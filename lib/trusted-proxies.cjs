// Which client a request comes from, and whose X-Forwarded-* headers to believe: the one rule,
// used by the preload that cleans every request before Next.js sees it
// (scripts/trusted-proxies.cjs) and by the settings check (CLAIMBASE_TRUSTED_PROXIES,
// lib/config.ts). Plain CommonJS so that the preload can require it; types in
// trusted-proxies.d.cts.
//
// A request's TCP peer is its client, unless the peer is a trusted proxy (an address or range
// listed in CLAIMBASE_TRUSTED_PROXIES; by default none). From a trusted proxy, X-Forwarded-For
// is read from the right: each proxy appends the address it was connected from, so the entries
// are skipped while they are trusted proxies themselves, and the first one that is not is the
// client. Entries to its left were written by the client and mean nothing. When every entry is
// a trusted proxy, the leftmost is the client; when the walk meets something that is not an
// address (a proxy wrote `unknown`, or garbage), the client is the last trusted hop before it.
//
// Addresses are compared and returned in one spelling: IPv6 canonical (lower case, shortest
// form, no zone), IPv4-mapped IPv6 (`::ffff:127.0.0.1`, what a socket listening on `::` reports
// for an IPv4 client) as plain IPv4, and `1.2.3.4:port` / `[v6]:port` without the port.
// Only the last MAX_FORWARDED_ENTRIES entries within the last MAX_FORWARDED_CHARS characters of
// X-Forwarded-For are looked at, so a huge header costs nothing.
"use strict";

const net = require("node:net");

/** At most this many X-Forwarded-For entries (from the right) are looked at. */
const MAX_FORWARDED_ENTRIES = 64;
/** At most this many characters (from the right) of X-Forwarded-For are looked at. */
const MAX_FORWARDED_CHARS = 4096;

/**
 * The headers a client could forge to pass for someone else, somewhere else: all dropped from a
 * request whose peer is not a trusted proxy (Next.js then derives X-Forwarded-Host, -Proto and
 * -Port from the connection itself).
 */
const FORWARDING_HEADERS = Object.freeze([
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
]);

const EXAMPLE = "like 127.0.0.1,::1,10.0.0.0/8";

/**
 * An IP address in its one spelling (see above), or null for anything that is not one.
 * @param {unknown} value
 * @returns {string | null}
 */
function normalizeAddress(value) {
  if (typeof value !== "string" || value.length > 80) return null;
  let text = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  const withPort = bracketed ? null : /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (withPort) text = withPort[1];
  const zone = text.indexOf("%");
  if (zone !== -1) text = text.slice(0, zone);
  const family = net.isIP(text);
  if (family === 4) return text;
  if (family !== 6) return null;
  let canonical;
  try {
    canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const high = parseInt(mapped[1], 16);
  const low = parseInt(mapped[2], 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/**
 * One entry of CLAIMBASE_TRUSTED_PROXIES: an address or a CIDR range, normalized.
 * @param {string} entry
 * @returns {{ address: string, family: 4 | 6, prefix: number | null }}
 */
function parseEntry(entry) {
  const slash = entry.indexOf("/");
  const addressText = slash === -1 ? entry : entry.slice(0, slash);
  const prefixText = slash === -1 ? null : entry.slice(slash + 1);
  // No brackets or ports here: a proxy is an address, not an endpoint.
  const address = /[[\]]/.test(addressText) || /^[\d.]+:\d+$/.test(addressText) ? null : normalizeAddress(addressText);
  if (address === null) {
    throw new Error(`expected IP addresses or CIDR ranges separated by commas, ${EXAMPLE}; "${entry}" is not one`);
  }
  const mappedFrom = net.isIP(addressText.split("%")[0]) === 6 && net.isIP(address) === 4;
  const family = net.isIP(address) === 4 ? 4 : 6;
  if (prefixText === null) return { address, family, prefix: null };
  const bits = mappedFrom ? 128 : family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
    throw new Error(`"${entry}": expected a prefix length from 0 to ${bits} after the slash, ${EXAMPLE}`);
  }
  let prefix = Number(prefixText);
  if (mappedFrom) {
    // ::ffff:10.0.0.0/104 is 10.0.0.0/8; a shorter prefix reaches beyond the mapped range.
    if (prefix < 96) throw new Error(`"${entry}": an IPv4-mapped range needs a prefix length of at least 96; write the IPv4 range instead`);
    prefix -= 96;
  }
  return { address, family, prefix };
}

/**
 * @typedef {{
 *   readonly entries: readonly string[];
 *   includes(address: unknown): boolean;
 * }} TrustedProxies
 */

/**
 * The value of CLAIMBASE_TRUSTED_PROXIES: comma-separated addresses and CIDR ranges (IPv4 or
 * IPv6); empty or unset trusts nobody. Throws an Error whose message says what is wrong.
 * @param {string | null | undefined} text
 * @returns {TrustedProxies}
 */
function parseTrustedProxies(text) {
  const list = new net.BlockList();
  /** @type {string[]} */
  const entries = [];
  for (const raw of String(text ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const { address, family, prefix } = parseEntry(entry);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === null) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
    entries.push(prefix === null ? address : `${address}/${prefix}`);
  }
  const frozen = Object.freeze(entries);
  return Object.freeze({
    entries: frozen,
    /** @param {unknown} value */
    includes(value) {
      if (frozen.length === 0) return false;
      const address = normalizeAddress(value);
      if (address === null) return false;
      return list.check(address, net.isIP(address) === 4 ? "ipv4" : "ipv6");
    },
  });
}

/**
 * The X-Forwarded-For entries that are looked at, left to right (at most the last
 * MAX_FORWARDED_ENTRIES, within the last MAX_FORWARDED_CHARS characters).
 * @param {string | readonly string[] | null | undefined} header
 * @returns {string[]}
 */
function forwardedEntries(header) {
  let text = Array.isArray(header) ? header.join(",") : typeof header === "string" ? header : "";
  if (text.length > MAX_FORWARDED_CHARS) {
    text = text.slice(-MAX_FORWARDED_CHARS);
    // The first entry was cut; it is not one.
    const comma = text.indexOf(",");
    text = comma === -1 ? "" : text.slice(comma + 1);
  }
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  return entries.slice(-MAX_FORWARDED_ENTRIES);
}

/**
 * The client address of a request, by the rule above; null when the peer is unknown (a socket
 * already gone) or not an address.
 * @param {{
 *   peer: string | null | undefined;
 *   forwardedFor?: string | readonly string[] | null | undefined;
 *   trusted: TrustedProxies;
 * }} request
 * @returns {string | null}
 */
function resolveClientAddress({ peer, forwardedFor, trusted }) {
  const peerAddress = normalizeAddress(peer);
  if (peerAddress === null || !trusted.includes(peerAddress)) return peerAddress;
  let client = peerAddress;
  const entries = forwardedEntries(forwardedFor);
  for (let i = entries.length - 1; i >= 0; i--) {
    const address = normalizeAddress(entries[i]);
    if (address === null) return client;
    client = address;
    if (!trusted.includes(address)) return address;
  }
  return client;
}

module.exports = {
  FORWARDING_HEADERS,
  MAX_FORWARDED_CHARS,
  MAX_FORWARDED_ENTRIES,
  forwardedEntries,
  normalizeAddress,
  parseTrustedProxies,
  resolveClientAddress,
};

// Whose X-Forwarded-For to believe (lib/trusted-proxies.cjs, CLAIMBASE_TRUSTED_PROXIES): the
// setting, the resolution of the client address, and what the sign-in throttling reads.
import { describe, expect, it } from "vitest";
import { clientIp } from "../../lib/auth/rate-limit";
import { loadSettings, trustedProxiesOf } from "../../lib/config";
import { timeRatio } from "../helpers/timing";
import {
  forwardedEntries,
  MAX_FORWARDED_ENTRIES,
  normalizeAddress,
  parseTrustedProxies,
  resolveClientAddress,
} from "../../lib/trusted-proxies.cjs";

const nginx = parseTrustedProxies("127.0.0.1,::1");
const nobody = parseTrustedProxies("");

describe("CLAIMBASE_TRUSTED_PROXIES", () => {
  it("trusts nobody by default, and when empty", () => {
    for (const env of [{}, { CLAIMBASE_TRUSTED_PROXIES: "" }, { CLAIMBASE_TRUSTED_PROXIES: " , " }]) {
      const settings = loadSettings(env);
      expect(settings.CLAIMBASE_TRUSTED_PROXIES.entries).toEqual([]);
      expect(settings.CLAIMBASE_TRUSTED_PROXIES.includes("127.0.0.1")).toBe(false);
      expect(trustedProxiesOf(settings)).toBe("");
    }
  });

  it("takes addresses and CIDR ranges, IPv4 and IPv6, and hands them on normalized", () => {
    const settings = loadSettings({ CLAIMBASE_TRUSTED_PROXIES: " 127.0.0.1, ::1 ,10.0.0.0/8,2001:DB8:0:0::/32,::ffff:192.0.2.0/120,::ffff:198.51.100.7" });
    expect(trustedProxiesOf(settings)).toBe("127.0.0.1,::1,10.0.0.0/8,2001:db8::/32,192.0.2.0/24,198.51.100.7");
    const trusted = settings.CLAIMBASE_TRUSTED_PROXIES;
    expect(trusted.includes("127.0.0.1")).toBe(true);
    expect(trusted.includes("127.0.0.2")).toBe(false);
    expect(trusted.includes("::1")).toBe(true);
    expect(trusted.includes("0:0:0:0:0:0:0:1")).toBe(true);
    expect(trusted.includes("10.255.1.2")).toBe(true);
    expect(trusted.includes("11.0.0.1")).toBe(false);
    expect(trusted.includes("2001:db8:ffff::1")).toBe(true);
    expect(trusted.includes("2001:db9::1")).toBe(false);
    expect(trusted.includes("192.0.2.200")).toBe(true);
    expect(trusted.includes("198.51.100.7")).toBe(true);
    expect(trusted.includes("198.51.100.8")).toBe(false);
    // An IPv4 client of a server listening on "::" is reported IPv4-mapped.
    expect(trusted.includes("::ffff:127.0.0.1")).toBe(true);
    expect(trusted.includes("::ffff:10.1.2.3")).toBe(true);
    expect(trusted.includes("::ffff:7f00:2")).toBe(false);
    for (const junk of [undefined, null, "", "localhost", "127.0.0.1, 8.8.8.8", 42]) expect(trusted.includes(junk), String(junk)).toBe(false);
  });

  it("refuses a bad entry with a message naming the variable, the value and the entry", () => {
    const cases: [string, RegExp][] = [
      ["127.0.0.1,proxy.local", /CLAIMBASE_TRUSTED_PROXIES="127.0.0.1,proxy.local": expected IP addresses or CIDR ranges separated by commas, like 127.0.0.1,::1,10.0.0.0\/8; "proxy.local" is not one/],
      ["10.0.0.0/33", /"10.0.0.0\/33": expected a prefix length from 0 to 32/],
      ["fd00::/129", /"fd00::\/129": expected a prefix length from 0 to 128/],
      ["10.0.0.0/", /"10.0.0.0\/": expected a prefix length/],
      ["10.0.0.0/8x", /"10.0.0.0\/8x": expected a prefix length/],
      ["256.0.0.1", /"256.0.0.1" is not one/],
      ["127.0.0.1:8080", /"127.0.0.1:8080" is not one/],
      ["[::1]", /"\[::1\]" is not one/],
      ["::ffff:10.0.0.0/8", /IPv4-mapped range needs a prefix length of at least 96/],
    ];
    for (const [value, message] of cases) {
      expect(() => loadSettings({ CLAIMBASE_TRUSTED_PROXIES: value }), value).toThrow(message);
    }
  });
});

describe("one spelling of an address", () => {
  it("canonicalizes IPv6, unmaps IPv4-mapped addresses and drops ports and zones", () => {
    expect(normalizeAddress("203.0.113.5")).toBe("203.0.113.5");
    expect(normalizeAddress(" 203.0.113.5 ")).toBe("203.0.113.5");
    expect(normalizeAddress("203.0.113.5:4711")).toBe("203.0.113.5");
    expect(normalizeAddress("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("::FFFF:7f00:1")).toBe("127.0.0.1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
  });

  it("is null for anything else", () => {
    for (const junk of [undefined, null, 7, "", "unknown", "localhost", "1.2.3", "01.2.3.4", "1.2.3.4.5", "1.2.3.4, 5.6.7.8", "::g", "1".repeat(100), "<script>"]) {
      expect(normalizeAddress(junk), String(junk)).toBeNull();
    }
  });
});

describe("the client address", () => {
  it("is the peer when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress({ peer: "203.0.113.9", forwardedFor: "1.2.3.4", trusted: nginx })).toBe("203.0.113.9");
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "1.2.3.4", trusted: nobody })).toBe("127.0.0.1");
    expect(resolveClientAddress({ peer: "::ffff:203.0.113.9", forwardedFor: "1.2.3.4", trusted: nginx })).toBe("203.0.113.9");
    expect(resolveClientAddress({ peer: "203.0.113.9", trusted: nobody })).toBe("203.0.113.9");
  });

  it("is what a trusted proxy reports, read from the right, past further trusted proxies", () => {
    const chain = parseTrustedProxies("127.0.0.1,10.0.0.0/8,fd00::/8");
    // nginx appends the address it was connected from to whatever the client sent.
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "203.0.113.9", trusted: nginx })).toBe("203.0.113.9");
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "6.6.6.6, 203.0.113.9", trusted: nginx })).toBe("203.0.113.9");
    expect(resolveClientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: "6.6.6.6,203.0.113.9", trusted: nginx })).toBe("203.0.113.9");
    // A load balancer (10.x) before nginx.
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "6.6.6.6, 203.0.113.9, 10.1.2.3", trusted: chain })).toBe("203.0.113.9");
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "2001:db8::7, fd12::1", trusted: chain })).toBe("2001:db8::7");
    // Several X-Forwarded-For headers count as one list.
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: ["6.6.6.6", "203.0.113.9, 10.1.2.3"], trusted: chain })).toBe("203.0.113.9");
    // Ports, brackets and mapped addresses in the header are normalized.
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "[2001:DB8::7]:51234", trusted: nginx })).toBe("2001:db8::7");
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "::ffff:203.0.113.9", trusted: nginx })).toBe("203.0.113.9");
  });

  it("is the peer itself when a trusted proxy sends no X-Forwarded-For, the leftmost when every hop is trusted", () => {
    const chain = parseTrustedProxies("127.0.0.1,10.0.0.0/8");
    expect(resolveClientAddress({ peer: "127.0.0.1", trusted: nginx })).toBe("127.0.0.1");
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "", trusted: nginx })).toBe("127.0.0.1");
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "10.0.0.7, 10.0.0.8", trusted: chain })).toBe("10.0.0.7");
  });

  it("stops at the last trusted hop when the chain holds something that is not an address", () => {
    const chain = parseTrustedProxies("127.0.0.1,10.0.0.0/8");
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "unknown", trusted: nginx })).toBe("127.0.0.1");
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "203.0.113.9, <script>, 10.0.0.8", trusted: chain })).toBe("10.0.0.8");
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "203.0.113.9,,10.0.0.8", trusted: chain })).toBe("203.0.113.9");
  });

  it("is null without a peer address", () => {
    expect(resolveClientAddress({ peer: undefined, forwardedFor: "203.0.113.9", trusted: nginx })).toBeNull();
    expect(resolveClientAddress({ peer: "", forwardedFor: "203.0.113.9", trusted: nginx })).toBeNull();
  });

  it("looks only at the end of a huge X-Forwarded-For", () => {
    const chain = parseTrustedProxies("127.0.0.1,10.0.0.0/8");
    const huge = `${"6.6.6.6, ".repeat(200_000)}203.0.113.9, 10.0.0.8`;
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: huge, trusted: chain })).toBe("203.0.113.9");
    expect(forwardedEntries(huge).length).toBe(MAX_FORWARDED_ENTRIES);
    // Reading the 1.8 MB header takes about as long as reading a short one (splitting it whole
    // would take thousands of times longer).
    const short = "6.6.6.6, 203.0.113.9, 10.0.0.8";
    const resolve = (forwardedFor: string) => resolveClientAddress({ peer: "127.0.0.1", forwardedFor, trusted: chain });
    expect(timeRatio(() => resolve(huge), () => resolve(short))).toBeLessThan(50);
    // More trusted hops than are looked at: the leftmost one looked at.
    const hops = Array.from({ length: 100 }, (_, i) => `10.0.${i}.1`);
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: ["203.0.113.9", ...hops].join(", "), trusted: chain })).toBe(`10.0.${100 - MAX_FORWARDED_ENTRIES}.1`);
    // One giant entry is not an address.
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "1".repeat(100_000), trusted: nginx })).toBe("127.0.0.1");
  });
});

describe("the sign-in throttling's client address (clientIp)", () => {
  it("is the one address X-Forwarded-For holds after the preload, and nothing else", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientIp(new Headers({ "x-forwarded-for": "2001:DB8::5" }))).toBe("2001:db8::5");
    // Not read: X-Real-IP. Not an address: a list (a process without the preload), garbage.
    expect(clientIp(new Headers({ "x-real-ip": "10.9.9.9" }))).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }))).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "x".repeat(5000) }))).toBeNull();
    expect(clientIp(new Headers())).toBeNull();
    expect(clientIp(null)).toBeNull();
  });
});

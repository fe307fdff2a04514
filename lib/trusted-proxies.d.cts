// Types of trusted-proxies.cjs (the rule is described there).

/** The proxies whose X-Forwarded-* headers are believed (CLAIMBASE_TRUSTED_PROXIES). */
export interface TrustedProxies {
  /** The normalized entries: `127.0.0.1`, `::1`, `10.0.0.0/8`; empty trusts nobody. */
  readonly entries: readonly string[];
  /** Whether an address (in any spelling, IPv4-mapped included) is a trusted proxy. */
  includes(address: unknown): boolean;
}

export const FORWARDING_HEADERS: readonly string[];
export const MAX_FORWARDED_CHARS: number;
export const MAX_FORWARDED_ENTRIES: number;

/** An IP address in its one spelling, or null for anything that is not one. */
export function normalizeAddress(value: unknown): string | null;

/** CLAIMBASE_TRUSTED_PROXIES parsed; throws an Error saying what is wrong with a bad entry. */
export function parseTrustedProxies(text: string | null | undefined): TrustedProxies;

/** The X-Forwarded-For entries that are looked at, left to right. */
export function forwardedEntries(header: string | readonly string[] | null | undefined): string[];

/** The client address of a request; null when the peer is unknown or not an address. */
export function resolveClientAddress(request: {
  peer: string | null | undefined;
  forwardedFor?: string | readonly string[] | null | undefined;
  trusted: TrustedProxies;
}): string | null;

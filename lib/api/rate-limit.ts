// The public API's rate limit: CLAIMBASE_API_RATE_LIMIT requests per minute (default 120) per
// client address, with rate-limiter-flexible (as the sign-in's throttle, lib/auth/rate-limit.ts).
// The address is X-Forwarded-For as the preload scripts/trusted-proxies.cjs left it (the TCP peer,
// or the client a trusted proxy reports: lib/trusted-proxies.cjs), so a client cannot pick its
// address to get round the limit. A request without one (a process started without the
// preload) is not limited, as the sign-in does not limit it by address.
//
// Counted in the memory of each app server (RateLimiterMemory), not in PostgreSQL like the
// sign-in's: a read of public data should not cost a database write, and a limit that is N
// times higher behind N app servers is still a limit. 304 answers count too.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { settingsSchema } from "../config";
import { normalizeAddress } from "../trusted-proxies.cjs";

export const API_RATE_WINDOW_SECONDS = 60;

let limiter: { perMinute: number; instance: RateLimiterMemory | null } | null = null;

/** Requests per minute per address (CLAIMBASE_API_RATE_LIMIT; 0 = no limit). */
export function apiRateLimit(env: Record<string, string | undefined> = process.env): number {
  const parsed = settingsSchema.shape.CLAIMBASE_API_RATE_LIMIT.safeParse(env.CLAIMBASE_API_RATE_LIMIT);
  return parsed.success ? parsed.data : 120;
}

function current(): { perMinute: number; instance: RateLimiterMemory | null } {
  const perMinute = apiRateLimit();
  if (!limiter || limiter.perMinute !== perMinute) {
    limiter = {
      perMinute,
      instance: perMinute > 0 ? new RateLimiterMemory({ keyPrefix: "api", points: perMinute, duration: API_RATE_WINDOW_SECONDS }) : null,
    };
  }
  return limiter;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; limit: number };

/** Counts one request of `address` (X-Forwarded-For as the preload left it). */
export async function takeApiRequest(address: string | null): Promise<RateDecision> {
  const ip = normalizeAddress(address);
  const { perMinute, instance } = current();
  if (!ip || !instance) return { allowed: true };
  try {
    await instance.consume(ip);
    return { allowed: true };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)), limit: perMinute };
  }
}

// The client address of the request a server action runs in (lib/auth/rate-limit.ts clientIp),
// for throttling and the audit log; null outside a request (an action called from a script or
// a test has no address, and must not fail for that).
import { headers } from "next/headers";
import { clientIp } from "../auth/rate-limit";

export async function requestIp(): Promise<string | null> {
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    return null;
  }
  return clientIp(requestHeaders);
}

// Where to send someone after signing in: only a path on this site, never another origin
// (an open redirect would let a link to our sign-in page forward to a phishing site).
export const DEFAULT_AFTER_SIGN_IN = "/admin";

export function safeCallbackUrl(value: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length > 2000) return fallback;
  // A path: "/" followed by anything but a second "/" or "\" (both mean "another host").
  // eslint-disable-next-line no-control-regex
  if (!/^\/(?![/\\])/.test(raw) || /[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  if (raw === "/signin" || raw.startsWith("/signin?") || raw.startsWith("/api/auth")) return fallback;
  return raw;
}

// Auth.js endpoints (session, CSRF, callbacks, sign-out).
//
// One thing is checked first: a callbackUrl that is no http(s) URL, as a query parameter or in
// Auth.js's callback-url cookie. Auth.js (@auth/core assertConfig) takes it for a fault of its
// configuration and answers 500 to every endpoint ("There was a problem with the server
// configuration"); it is a client's bad input, answered here with a 400 that also clears the
// cookie (found by the fuzz drill, npm run drill -- fuzz). The rule is Auth.js's own: an
// absolute http(s) URL, or a path.
import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";

const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

function isHttpUrl(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

function refusal(request: NextRequest): NextResponse | null {
  const origin = request.nextUrl.origin;
  const param = request.nextUrl.searchParams.get("callbackUrl");
  const badCookies = CALLBACK_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && value !== "" && !isHttpUrl(value, origin);
  });
  if ((param === null || param === "" || isHttpUrl(param, origin)) && badCookies.length === 0) return null;
  const response = NextResponse.json({ error: "callbackUrl must be an http(s) URL or a path on this site." }, { status: 400, headers: { "Cache-Control": "no-store" } });
  for (const name of badCookies) response.cookies.delete(name);
  return response;
}

export async function GET(request: NextRequest): Promise<Response> {
  return refusal(request) ?? handlers.GET(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  return refusal(request) ?? handlers.POST(request);
}

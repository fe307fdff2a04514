// GET /api/v1/docs: the API's reference as a page, rendered on the server from the OpenAPI
// document (lib/api/reference.ts): no script, nothing from another origin.
import { apiOptions } from "@/lib/api/http";
import { renderReference } from "@/lib/api/reference";
import { PUBLIC_CACHE_CONTROL } from "@/lib/cache-control";

export const dynamic = "force-dynamic";

let page: string | null = null;

export async function GET(): Promise<Response> {
  page ??= renderReference();
  return new Response(page, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": PUBLIC_CACHE_CONTROL, "X-Content-Type-Options": "nosniff" },
  });
}
export const OPTIONS = apiOptions;

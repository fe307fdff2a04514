// Starts an import (the desk's /admin/import): POST {kind, format?, filename?} as JSON, answers
// 201 {id}. The file itself follows with PUT /api/admin/import/{id}. Editors and admins only
// (import.run): 401 without a session, 403 without the permission, 400 for bad input, as JSON.
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { createImportBatch, IMPORT_FORMATS } from "@/lib/import";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

// Refusals are JSON: `error` a code (the desk's upload form names it in the reader's language),
// `message` the same in English for other clients.
const refuse = (error: string, message: string, status: number) => json({ error, message }, status);

const input = z.object({
  kind: z.enum(["external", "own"], { error: "kind must be external or own." }),
  format: z.enum(IMPORT_FORMATS, { error: `format is one of: ${IMPORT_FORMATS.join(", ")}.` }).nullish(),
  filename: z.string().max(255, "filename is too long.").nullish(),
});

export async function POST(request: Request) {
  const user = await getSessionUser();
  if (!user) return refuse("unauthenticated", "Please sign in.", 401);
  if (!can(user.role, "import.run")) return refuse("forbidden", "Only editors-in-chief and administrators may import.", 403);
  // JSON only: a form of another site cannot send it without the browser asking this one first
  // (CORS preflight), so no other site can start imports with an editor's session.
  if (!/^application\/json(?:;|$)/i.test(request.headers.get("content-type") ?? "")) {
    return refuse("unsupported_media_type", "Content-Type must be application/json.", 415);
  }
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > 10_000) return refuse("request_too_large", "The request is too large.", 413);
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return refuse("bad_json", "Expected JSON: {kind, format, filename}.", 400);
  }
  const parsed = input.safeParse(body);
  if (!parsed.success) return refuse("bad_input", parsed.error.issues.map((i) => i.message).join(" "), 400);
  const { id } = await createImportBatch(user, parsed.data);
  return json({ id }, 201);
}

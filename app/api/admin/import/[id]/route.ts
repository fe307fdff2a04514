// One import of the desk (/admin/import/{id}):
//   GET  its progress: {status, processed, total, counts, error} (the desk's progress bar polls it);
//   PUT  the file as the request body (any Content-Type, up to DEFAULT_LIMITS.maxBytes), read as
//        it arrives into the preview, in bounded memory; answers {status, counts} (200), or the
//        reason the file cannot be imported (422), or 409 when the batch already has its file.
// Editors and admins only (import.run): 401 without a session, 403 without the permission,
// 404 for an unknown import, all as JSON. Nothing but the preview is written here.
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/editorial/errors";
import { contentText } from "@/lib/content-text";
import { DEFAULT_LIMITS, getImportBatch, importPlainText, readIntoBatch, type ImportText } from "@/lib/import";
import type { Message } from "@/lib/messages";

export const dynamic = "force-dynamic";
// A large file takes minutes to read.
export const maxDuration = 1800;

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

type Context = { params: Promise<{ id: string }> };

// Refusals are JSON: `error` a code (the desk's upload form names it in the reader's language),
// `message` the same in English for other clients, and for a refusal of the domain its Message
// (`detail`).
const refuse = (error: string, message: string, status: number, detail?: Message) => json({ error, message, ...(detail ? { detail } : {}) }, status);
const english = (m: Message) => contentText("en", m);
/** An import's stored reason as JSON: its code and parameters, and the words in English. */
const reason = (code: string, text: ImportText) => ({ error: code, message: importPlainText(text, english) });

async function guard(): Promise<Response | null> {
  const user = await getSessionUser();
  if (!user) return refuse("unauthenticated", "Please sign in.", 401);
  if (!can(user.role, "import.run")) return refuse("forbidden", "Only editors-in-chief and administrators may import.", 403);
  return null;
}

export async function GET(_request: Request, { params }: Context) {
  const refused = await guard();
  if (refused) return refused;
  const { id } = await params;
  const batch = id.length <= 64 ? await getImportBatch(id) : null;
  if (!batch) return refuse("not_found", "This import does not exist.", 404);
  return json({
    status: batch.stalled ? "stalled" : batch.status,
    processed: batch.processed,
    total: batch.total,
    counts: batch.counts,
    error: batch.error ? reason(batch.errorCode!, batch.error) : null,
  });
}

export async function PUT(request: Request, { params }: Context) {
  const refused = await guard();
  if (refused) return refused;
  const { id } = await params;
  const batch = id.length <= 64 ? await getImportBatch(id) : null;
  if (!batch) return refuse("not_found", "This import does not exist.", 404);
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > DEFAULT_LIMITS.maxBytes) {
    return refuse("file_too_large", `The file is larger than ${DEFAULT_LIMITS.maxBytes / 2 ** 20} MB.`, 413);
  }
  if (!request.body) return refuse("no_body", "The file is missing (the request's body is empty).", 400);
  try {
    const summary = await readIntoBatch(id, request.body as unknown as AsyncIterable<Uint8Array>);
    if (summary.status === "failed") {
      const view = await getImportBatch(id);
      const why = view?.error && view.errorCode ? reason(view.errorCode, view.error) : { error: "failed", message: "The file cannot be imported." };
      return json({ status: "failed", ...why }, 422);
    }
    return json({ status: summary.status, counts: summary.counts, total: summary.total });
  } catch (error) {
    if (error instanceof DomainError) return refuse(error.code, english(error.detail), error.code === "not_found" ? 404 : 409, error.detail);
    throw error;
  }
}

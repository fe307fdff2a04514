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
import { DEFAULT_LIMITS, getImportBatch, readIntoBatch } from "@/lib/import";

export const dynamic = "force-dynamic";
// A large file takes minutes to read.
export const maxDuration = 1800;

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

type Context = { params: Promise<{ id: string }> };

async function guard(): Promise<Response | null> {
  const user = await getSessionUser();
  if (!user) return json({ error: "Bitte melden Sie sich an." }, 401);
  if (!can(user.role, "import.run")) return json({ error: "Dafür fehlt Ihnen die Berechtigung." }, 403);
  return null;
}

export async function GET(_request: Request, { params }: Context) {
  const refused = await guard();
  if (refused) return refused;
  const { id } = await params;
  const batch = id.length <= 64 ? await getImportBatch(id) : null;
  if (!batch) return json({ error: "Diesen Import gibt es nicht." }, 404);
  return json({
    status: batch.stalled ? "stalled" : batch.status,
    processed: batch.processed,
    total: batch.total,
    counts: batch.counts,
    error: batch.error,
  });
}

export async function PUT(request: Request, { params }: Context) {
  const refused = await guard();
  if (refused) return refused;
  const { id } = await params;
  const batch = id.length <= 64 ? await getImportBatch(id) : null;
  if (!batch) return json({ error: "Diesen Import gibt es nicht." }, 404);
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > DEFAULT_LIMITS.maxBytes) {
    return json({ error: `Die Datei ist größer als ${DEFAULT_LIMITS.maxBytes / 2 ** 20} MB.` }, 413);
  }
  if (!request.body) return json({ error: "Die Datei fehlt (der Körper der Anfrage ist leer)." }, 400);
  try {
    const summary = await readIntoBatch(id, request.body as unknown as AsyncIterable<Uint8Array>);
    if (summary.status === "failed") {
      const view = await getImportBatch(id);
      return json({ status: "failed", error: view?.error ?? "Die Datei kann nicht importiert werden." }, 422);
    }
    return json({ status: summary.status, counts: summary.counts, total: summary.total });
  } catch (error) {
    if (error instanceof DomainError) return json({ error: error.message }, error.code === "not_found" ? 404 : 409);
    throw error;
  }
}

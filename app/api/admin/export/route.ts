// The desk's exports (/admin/export): GET ?kind=claims|quotes|speakers&format=csv|jsonl answers the
// public data as a streamed download (lib/export: only public fields, read through lib/public,
// in keyset pages). Every desk role (desk.view): 401 without a session, 403 without the
// permission, 400 for an unknown kind or format, as JSON: `error` a code, `message` the same in
// English (as the import's routes; the desk's page only links here, so a refusal is read in the
// browser's JSON view). CSV for spreadsheets: with a BOM and formulas escaped.
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { textStream } from "@/lib/api/feed";
import { EXPORT_FORMATS, EXPORT_KINDS, exportChunks, exportContentType, exportFilename } from "@/lib/export";

export const dynamic = "force-dynamic";

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

const refuse = (error: string, message: string, status: number) => json({ error, message }, status);

const input = z.object({
  kind: z.enum(EXPORT_KINDS, { error: `kind is one of: ${EXPORT_KINDS.join(", ")}.` }),
  format: z.enum(EXPORT_FORMATS, { error: `format is one of: ${EXPORT_FORMATS.join(", ")}.` }),
});

export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return refuse("unauthenticated", "Please sign in.", 401);
  if (!can(user.role, "desk.view")) return refuse("forbidden", "Only the newsroom may export here.", 403);
  const params = new URL(request.url).searchParams;
  const parsed = input.safeParse({ kind: params.get("kind") ?? undefined, format: params.get("format") ?? "csv" });
  if (!parsed.success) return refuse("bad_input", parsed.error.issues.map((i) => i.message).join(" "), 400);
  const { kind, format } = parsed.data;
  return new Response(textStream(exportChunks(kind, format, { spreadsheet: format === "csv" })), {
    headers: {
      "Content-Type": exportContentType(format),
      "Content-Disposition": `attachment; filename="${exportFilename(kind, format)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

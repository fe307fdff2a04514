// The stored text of a source, for the passage picker of the quote form
// (components/admin/PassagePicker.tsx). Newsroom only: 401 without a session, 403 without
// desk access, as JSON (errors as codes; the picker says what went wrong in the page's
// language). Never cached: the text may change, and it may be private.
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { getSourceText } from "@/lib/editorial/sources";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return json({ error: "unauthenticated" }, 401);
  if (!can(user.role, "desk.view")) return json({ error: "forbidden" }, 403);
  const { id } = await params;
  const source = id.length <= 64 ? await getSourceText(id) : null;
  if (!source) return json({ error: "not_found" }, 404);
  return json({
    id: source.id,
    title: source.title,
    language: source.language,
    text: source.snapshotText,
    contentHash: source.contentHash,
    length: source.snapshotText?.length ?? 0,
  });
}

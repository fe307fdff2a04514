// The CSV template of the import (docs/import.md): GET answers it as a download. Editors and
// admins only (import.run), like the import itself: 401 without a session, 403 without the
// permission, as JSON.
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { CSV_TEMPLATE } from "@/lib/import/template";

export const dynamic = "force-dynamic";

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function GET() {
  const user = await getSessionUser();
  if (!user) return json({ error: "unauthenticated", message: "Please sign in." }, 401);
  if (!can(user.role, "import.run")) return json({ error: "forbidden", message: "Only editors-in-chief and administrators may import." }, 403);
  // With a BOM, so that spreadsheet programs open it as UTF-8.
  return new Response(`\ufeff${CSV_TEMPLATE}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="claimbase-import-vorlage.csv"',
      "Cache-Control": "no-store",
    },
  });
}

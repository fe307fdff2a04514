// Similar existing records while an editor types (components/admin/SimilarRecords.tsx):
// GET ?kind=speaker|claim&q=...[&exclude=id]. Newsroom only: 401 without a session, 403
// without desk access, 400 for a bad kind or a query under 3 characters, all as JSON. Errors
// are codes (the page shows none of them); items carry data, not words: the component names a
// claim's status in the page's language.
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { SIMILAR_MAX_LENGTH, SIMILAR_MIN_LENGTH, similarClaims, similarSpeakers } from "@/lib/editorial/similar";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

const query = z.object({
  kind: z.enum(["speaker", "claim"], { error: "kind must be speaker or claim" }),
  q: z
    .string({ error: "q is missing" })
    .trim()
    .min(SIMILAR_MIN_LENGTH, `q needs at least ${SIMILAR_MIN_LENGTH} characters`)
    .max(SIMILAR_MAX_LENGTH, `q may have at most ${SIMILAR_MAX_LENGTH} characters`),
  exclude: z.string().max(64).optional(),
});

export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return json({ error: "unauthenticated" }, 401);
  if (!can(user.role, "desk.view")) return json({ error: "forbidden" }, 403);
  const params = new URL(request.url).searchParams;
  const parsed = query.safeParse({
    kind: params.get("kind") ?? undefined,
    q: params.get("q") ?? undefined,
    exclude: params.get("exclude") || undefined,
  });
  if (!parsed.success) return json({ error: parsed.error.issues.map((i) => i.message).join("; ") }, 400);
  const { kind, q, exclude } = parsed.data;
  if (kind === "speaker") {
    const items = await similarSpeakers(q, { excludeId: exclude });
    return json({
      kind,
      items: items.map((s) => ({
        id: s.id,
        label: s.name,
        alias: s.alias ?? null,
        href: `/admin/speakers/${s.id}`,
        score: Math.round(s.score * 100) / 100,
      })),
    });
  }
  const items = await similarClaims(q, { excludeId: exclude });
  return json({
    kind,
    items: items.map((c) => ({
      id: c.id,
      label: c.text,
      status: c.status,
      href: `/admin/claims/${c.id}`,
      score: Math.round(c.score * 100) / 100,
    })),
  });
}

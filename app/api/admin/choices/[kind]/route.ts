// The record picker's search (components/admin/RecordPicker.tsx): GET /api/admin/choices/
// quote|source|speaker?q=... answers at most FOUND_CHOICES records of that table whose text,
// title or name (a speaker's alias too) contains q, as {value, label} in the desk's language
// (a source's label says the length of its stored text, an organisation's that it is one).
// Newsroom only: 401 without a session, 403 without desk access, 400 for another kind or a q
// that is missing, blank or longer than CHOICE_QUERY_MAX, all as JSON, never cached. Nothing
// but ids and labels: no stored text, notes or anything else of the records.
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { CHOICE_KINDS, CHOICE_QUERY_MAX, searchChoices } from "@/lib/editorial/choices";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });

const query = z.object({
  kind: z.enum(CHOICE_KINDS, { error: `kind must be one of ${CHOICE_KINDS.join(", ")}` }),
  q: z.string({ error: "q is missing" }).trim().min(1, "q is empty").max(CHOICE_QUERY_MAX, `q may have at most ${CHOICE_QUERY_MAX} characters`),
});

export async function GET(request: Request, { params }: { params: Promise<{ kind?: string }> }) {
  const user = await getSessionUser();
  if (!user) return json({ error: "unauthenticated" }, 401);
  if (!can(user.role, "desk.view")) return json({ error: "forbidden" }, 403);
  const parsed = query.safeParse({ kind: (await params).kind, q: new URL(request.url).searchParams.get("q") ?? undefined });
  if (!parsed.success) return json({ error: parsed.error.issues.map((i) => i.message).join("; ") }, 400);
  const { kind, q } = parsed.data;
  const [found, fields, speakerKind] = await Promise.all([searchChoices(kind, q), getTranslations("desk.claimFields"), getTranslations("desk.speakerKind")]);
  const label = (c: (typeof found)[number]): string => {
    if (kind === "source") return c.length === null || c.length === undefined ? fields("sourceWithoutText", { title: c.label }) : fields("sourceLength", { title: c.label, count: c.length });
    if (kind === "speaker" && c.kind && c.kind !== "person") return `${c.label} (${speakerKind(c.kind)})`;
    return c.label;
  };
  return json({ kind, items: found.map((c) => ({ value: c.value, label: label(c) })) });
}

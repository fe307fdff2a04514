import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import type { SearchParams } from "@/lib/editorial/listing";
import { claimHeading } from "@/lib/editorial/workspace";
import { ClaimHistory } from "./ClaimHistory";
import "../../claims.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.claimHistory");
  return { title: t("metaTitle") };
}

// The claim's history on a page of its own (the workspace's History tab shows the same).
export default async function ClaimHistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  await requirePermission("desk.view", `/admin/claims/${id}/history`);
  const [query, t, claim] = await Promise.all([searchParams, getTranslations("desk.claimHistory"), claimHeading(id)]);
  if (!claim) notFound();
  const base = `/admin/claims/${claim.id}/history`;

  return (
    <div className="claim-desk">
      <p>
        <Link href={`/admin/claims/${claim.id}`}>{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="muted" lang={claim.language}>
        {claim.text}
      </p>
      <ClaimHistory claimId={claim.id} query={query} address={{ action: base, compare: (from, to) => `${base}?from=${from}&to=${to}` }} />
    </div>
  );
}

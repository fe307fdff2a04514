import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { createSourceAction } from "../actions";
import { SourceForm } from "../SourceForm";
import "../../editorial.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.sources");
  return { title: t("new") };
}

export default async function NewSourcePage() {
  await requirePermission("record.edit", "/admin/sources/new");
  const t = await getTranslations("desk.sources");
  return (
    <>
      <p>
        <Link href="/admin/sources">{t("back")}</Link>
      </p>
      <h1>{t("new")}</h1>
      <SourceForm action={createSourceAction} submitLabel={t("create")} />
    </>
  );
}

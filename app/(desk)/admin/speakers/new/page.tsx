import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { createSpeakerAction } from "../actions";
import { SpeakerForm } from "../SpeakerForm";
import "../../editorial.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.speakers");
  return { title: t("new") };
}

export default async function NewSpeakerPage() {
  await requirePermission("record.edit", "/admin/speakers/new");
  const t = await getTranslations("desk.speakers");
  return (
    <>
      <p>
        <Link href="/admin/speakers">{t("back")}</Link>
      </p>
      <h1>{t("new")}</h1>
      <p className="muted">{t("checkSimilar")}</p>
      <SpeakerForm action={createSpeakerAction} submitLabel={t("create")} />
    </>
  );
}

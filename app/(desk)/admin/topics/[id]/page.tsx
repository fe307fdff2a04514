import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { DeleteSection } from "@/components/admin/DeleteSection";
import { requirePermission } from "@/lib/auth/session";
import { getTopic } from "@/lib/editorial/taxonomy";
import { currentLocale } from "@/lib/desk-i18n";
import { deleteTopicAction, updateTopicAction } from "../actions";
import { TopicFields } from "../TopicFields";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.topic");
  return { title: t("metaTitle") };
}

export default async function TopicPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("taxonomy.manage", `/admin/topics/${id}`);
  const topic = await getTopic(id);
  if (!topic) notFound();
  const [t, locale] = await Promise.all([getTranslations("desk.topic"), currentLocale()]);
  const name = locale === "en" ? topic.nameEn : topic.nameDe;
  return (
    <>
      <p>
        <Link href="/admin/topics">{t("back")}</Link>
      </p>
      <h1>{t("title", { name })}</h1>
      <p>
        {t("claims", { count: topic.claimCount })} · <Link href={`/admin/audit?log=changes&entityType=Topic&entityId=${topic.id}`}>{t("changes")}</Link>
      </p>
      <ActionForm action={updateTopicAction} submitLabel={t("save")} version={topic.version} hidden={{ id: topic.id }}>
        <TopicFields topic={topic} />
      </ActionForm>

      <DeleteSection
        heading={t("deleteHeading")}
        form={
          topic.inUse > 0
            ? undefined
            : { action: deleteTopicAction, id: topic.id, version: topic.version, submitLabel: t("delete"), confirm: t("deleteConfirm", { name }) }
        }
      >
        {topic.inUse > 0 && <p>{t("inUse")}</p>}
      </DeleteSection>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/ActionForm";
import { DeleteSection } from "@/components/admin/DeleteSection";
import { requirePermission } from "@/lib/auth/session";
import { getTopic } from "@/lib/editorial/taxonomy";
import { deleteTopicAction, updateTopicAction } from "../actions";
import { TopicFields } from "../TopicFields";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Thema" };

export default async function TopicPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("taxonomy.manage", `/admin/topics/${id}`);
  const topic = await getTopic(id);
  if (!topic) notFound();
  return (
    <>
      <p>
        <Link href="/admin/topics">← Themen</Link>
      </p>
      <h1>Thema: {topic.nameDe}</h1>
      <p>
        {topic.claimCount === 1 ? "1 Behauptung" : `${topic.claimCount} Behauptungen`} ·{" "}
        <Link href={`/admin/audit?log=changes&entityType=Topic&entityId=${topic.id}`}>Änderungen</Link>
      </p>
      <ActionForm action={updateTopicAction} submitLabel="Speichern" version={topic.version} hidden={{ id: topic.id }}>
        <TopicFields topic={topic} />
      </ActionForm>

      <DeleteSection
        heading="Löschen"
        form={
          topic.claimCount > 0
            ? undefined
            : { action: deleteTopicAction, id: topic.id, version: topic.version, submitLabel: "Thema löschen", confirm: `Das Thema „${topic.nameDe}“ löschen?` }
        }
      >
        {topic.claimCount > 0 && <p>Dieses Thema ist Behauptungen zugeordnet und kann nicht gelöscht werden, solange es verwendet wird.</p>}
      </DeleteSection>
    </>
  );
}

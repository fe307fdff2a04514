import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/ActionForm";
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

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Löschen</h2>
        {topic.claimCount > 0 ? (
          <p>Dieses Thema ist Behauptungen zugeordnet und kann nicht gelöscht werden, solange es verwendet wird.</p>
        ) : (
          <ActionForm
            action={deleteTopicAction}
            submitLabel="Thema löschen"
            version={topic.version}
            hidden={{ id: topic.id }}
            confirm={`Das Thema „${topic.nameDe}“ löschen?`}
          />
        )}
      </section>
    </>
  );
}

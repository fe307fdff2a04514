import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeleteSection } from "@/components/admin/DeleteSection";
import { Notice } from "@/components/admin/PageHeader";
import { RecordHistory } from "@/components/admin/RecordHistory";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { PUBLIC_SPEAKER_PERMISSION, getSpeakerForEdit, isPublicSpeaker } from "@/lib/editorial/speakers";
import { db } from "@/lib/db/client";
import { deleteSpeakerAction, updateSpeakerAction } from "../actions";
import { SpeakerForm } from "../SpeakerForm";
import "../../editorial.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sprecher bearbeiten" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SpeakerEditPage({ params, searchParams }: Props) {
  const user = await requirePermission("desk.view", `/admin/speakers/${encodeURIComponent((await params).id)}`);
  const { id } = await params;
  const speaker = await getSpeakerForEdit(id);
  if (!speaker) notFound();
  const created = (await searchParams).angelegt !== undefined;
  const [isPublic, tp] = await Promise.all([isPublicSpeaker(db, speaker.id), getTranslations({ locale: "de", namespace: "publication" })]);
  const uses = speaker.counts.quotes + speaker.counts.quotesReported + speaker.counts.claims;

  return (
    <>
      <p>
        <Link href="/admin/speakers">← Alle Sprecher</Link>
      </p>
      <h1>{speaker.name}</h1>
      <ul className="admin-subnav">
        <li>
          <Link href={`/admin/quotes?speaker=${speaker.id}`}>
            Zitate ({speaker.counts.quotes}
            {speaker.counts.quotesReported ? `, wiedergegeben: ${speaker.counts.quotesReported}` : ""})
          </Link>
        </li>
        <li>Behauptungen als Urheber: {speaker.counts.claims}</li>
        <li>
          <a href="#verlauf">Verlauf</a>
        </li>
        <li>
          <Link href={`/speakers/${speaker.slug}`}>Öffentliche Seite</Link> <span className="muted">(nur mit öffentlichen Einträgen)</span>
        </li>
      </ul>
      {created && <Notice>Der Sprecher wurde angelegt.</Notice>}
      {isPublic && <p className="field__hint">{tp("publicSpeaker")}</p>}

      {can(user.role, "record.edit") && (!isPublic || can(user.role, PUBLIC_SPEAKER_PERMISSION)) ? (
        <SpeakerForm action={updateSpeakerAction} speaker={speaker} submitLabel="Speichern" />
      ) : (
        <p>Sie können diesen Sprecher ansehen, aber nicht bearbeiten.</p>
      )}

      {can(user.role, "record.delete") && (
        <DeleteSection
          heading="Sprecher löschen"
          form={{ action: deleteSpeakerAction, id: speaker.id, version: speaker.version, submitLabel: "Sprecher löschen", confirm: `„${speaker.name}“ wirklich löschen?` }}
        >
          {uses > 0 ? (
            <p>
              Solange dem Sprecher Zitate oder Behauptungen zugeordnet sind, kann er nicht gelöscht werden ({uses}{" "}
              {uses === 1 ? "Eintrag" : "Einträge"}).
            </p>
          ) : (
            <p>Der Sprecher wird mit seinen Aliassen und Funktionen gelöscht. Der Verlauf bleibt erhalten.</p>
          )}
        </DeleteSection>
      )}

      <RecordHistory entityType="Speaker" entityId={speaker.id} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { createSpeakerAction } from "../actions";
import { SpeakerForm } from "../SpeakerForm";
import "../../editorial.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Neuer Sprecher" };

export default async function NewSpeakerPage() {
  await requirePermission("record.edit", "/admin/speakers/new");
  return (
    <>
      <p>
        <Link href="/admin/speakers">← Alle Sprecher</Link>
      </p>
      <h1>Neuer Sprecher</h1>
      <p className="muted">Bitte prüfen Sie beim Tippen des Namens die ähnlichen Einträge: vielleicht gibt es den Sprecher schon.</p>
      <SpeakerForm action={createSpeakerAction} submitLabel="Sprecher anlegen" />
    </>
  );
}

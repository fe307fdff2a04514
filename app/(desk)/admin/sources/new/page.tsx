import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { createSourceAction } from "../actions";
import { SourceForm } from "../SourceForm";
import "../../editorial.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Neue Quelle" };

export default async function NewSourcePage() {
  await requirePermission("record.edit", "/admin/sources/new");
  return (
    <>
      <p>
        <Link href="/admin/sources">← Alle Quellen</Link>
      </p>
      <h1>Neue Quelle</h1>
      <SourceForm action={createSourceAction} submitLabel="Quelle anlegen" />
    </>
  );
}

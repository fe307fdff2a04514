import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/ActionForm";
import { DeleteSection } from "@/components/admin/DeleteSection";
import { requirePermission } from "@/lib/auth/session";
import { getVerdictLabel } from "@/lib/editorial/taxonomy";
import { deleteVerdictLabelAction, updateVerdictLabelAction } from "../actions";
import { LabelFields } from "../LabelFields";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Bewertungsstufe" };

export default async function VerdictLabelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("taxonomy.manage", `/admin/verdicts/${id}`);
  const label = await getVerdictLabel(id);
  if (!label) notFound();
  return (
    <>
      <p>
        <Link href="/admin/verdicts">← Bewertungsskala</Link>
      </p>
      <h1>Bewertungsstufe: {label.nameDe}</h1>
      <p>
        Schlüssel <code>{label.key}</code> · {label.usage === 0 ? "nicht verwendet" : `${label.usage}× verwendet`} ·{" "}
        <Link href={`/admin/audit?log=changes&entityType=VerdictLabel&entityId=${label.id}`}>Änderungen</Link>
      </p>
      <ActionForm action={updateVerdictLabelAction} submitLabel="Speichern" version={label.version} hidden={{ id: label.id }}>
        <LabelFields label={label} />
      </ActionForm>

      <DeleteSection
        heading="Löschen"
        form={
          label.usage > 0
            ? undefined
            : { action: deleteVerdictLabelAction, id: label.id, version: label.version, submitLabel: "Stufe löschen", confirm: `Die Bewertungsstufe „${label.nameDe}“ löschen?` }
        }
      >
        {label.usage > 0 && (
          <p>
            Diese Stufe wird von Behauptungen, Prüfentscheidungen oder Korrekturen verwendet und kann nicht gelöscht werden.
            Deaktivieren Sie sie oben, damit sie für neue Bewertungen nicht mehr angeboten wird.
          </p>
        )}
      </DeleteSection>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { TableScroll } from "@/components/admin/TableScroll";
import { ActionForm } from "@/components/admin/ActionForm";
import { TextField } from "@/components/admin/Fields";
import { requirePermission } from "@/lib/auth/session";
import { listVerdictLabels } from "@/lib/editorial/taxonomy";
import { createVerdictLabelAction } from "./actions";
import { LabelFields } from "./LabelFields";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Bewertungsskala" };

export default async function VerdictsPage() {
  await requirePermission("taxonomy.manage", "/admin/verdicts");
  const labels = await listVerdictLabels();
  return (
    <>
      <h1>Bewertungsskala</h1>
      <p>
        Die Stufen, mit denen die Redaktion Behauptungen bewertet, von der besten zur schlechtesten. Name, Erklärung und Wert
        erscheinen öffentlich (Methodik-Seite, ClaimReview). Eine verwendete Stufe kann nicht gelöscht, nur deaktiviert werden.
      </p>
      {labels.length === 0 ? (
        <p className="empty-state">Die Skala ist leer. Legen Sie unten die erste Stufe an.</p>
      ) : (
        <TableScroll label="Bewertungsskala">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col" className="number">
                  Position
                </th>
                <th scope="col">Name (deutsch)</th>
                <th scope="col">Name (englisch)</th>
                <th scope="col">Schlüssel</th>
                <th scope="col" className="number">
                  Wert
                </th>
                <th scope="col">Status</th>
                <th scope="col" className="number">
                  Verwendet
                </th>
              </tr>
            </thead>
            <tbody>
              {labels.map((l) => (
                <tr key={l.id}>
                  <td className="number">{l.position}</td>
                  <td>
                    <Link href={`/admin/verdicts/${l.id}`}>{l.nameDe}</Link>
                  </td>
                  <td lang="en">{l.nameEn}</td>
                  <td>
                    <code>{l.key}</code>
                  </td>
                  <td className="number">{l.ratingValue ?? "–"}</td>
                  <td>{l.active ? "aktiv" : "deaktiviert"}</td>
                  <td className="number">{l.usage}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <section aria-labelledby="new-label-heading">
        <h2 id="new-label-heading">Neue Stufe</h2>
        <ActionForm action={createVerdictLabelAction} submitLabel="Stufe anlegen" resetOnSuccess>
          <TextField
            name="key"
            label="Schlüssel"
            required
            maxLength={40}
            hint="Fester technischer Name, z. B. „satire“: Kleinbuchstaben, Ziffern, Bindestriche. Lässt sich später nicht ändern."
          />
          <LabelFields />
        </ActionForm>
      </section>
    </>
  );
}

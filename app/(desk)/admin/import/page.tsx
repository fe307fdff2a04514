import type { Metadata } from "next";
import Link from "next/link";
import { ImportUpload } from "@/components/admin/ImportUpload";
import { Moment } from "@/components/admin/Moment";
import { PageHeader } from "@/components/admin/PageHeader";
import { TableScroll } from "@/components/admin/TableScroll";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { DEFAULT_LIMITS, listImportBatches } from "@/lib/import";
import { FORMAT_LABELS, KIND_LABELS, STATUS_LABELS } from "./labels";
import "../editorial.css";
import "./import.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  const user = await requirePermission("import.run", "/admin/import");
  const batches = await listImportBatches();
  return (
    <>
      <PageHeader title="Faktenchecks importieren" />
      <p>
        ClaimReview-Markup (ein Objekt, eine Liste, <code>@graph</code> oder ein DataFeed wie bei Data Commons), eine HTML-Seite mit
        JSON-LD, eine Antwort der Fact-Check-Tools-Suche (<code>claims:search</code>) oder eine CSV-Datei mit den Spalten der{" "}
        <a href="/api/admin/import/template" download>
          Vorlage
        </a>{" "}
        (Komma oder Semikolon, UTF-8 mit oder ohne BOM). Zuerst wird die Datei gelesen und eine Vorschau gezeigt: was angelegt, aktualisiert
        oder übersprungen wird, und warum. Geschrieben wird erst nach Ihrer Bestätigung. Dieselbe Adresse zweimal legt nichts neu an.
      </p>
      <ImportUpload maxMegabytes={DEFAULT_LIMITS.maxBytes / 2 ** 20} canPublish={can(user.role, "import.publish")} />

      <h2>Letzte Importe</h2>
      {batches.length === 0 ? (
        <p className="muted">Noch keine Importe.</p>
      ) : (
        <TableScroll label="Letzte Importe">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Datei</th>
                <th scope="col">Art</th>
                <th scope="col">Stand</th>
                <th scope="col" className="number">
                  Einträge
                </th>
                <th scope="col">Von</th>
                <th scope="col">Begonnen</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <th scope="row">
                    <Link href={`/admin/import/${b.id}`}>{b.filename ?? "(ohne Namen)"}</Link>
                    {b.format ? <span className="muted"> · {FORMAT_LABELS[b.format] ?? b.format}</span> : null}
                  </th>
                  <td>{KIND_LABELS[b.kind]}</td>
                  <td>{STATUS_LABELS[b.status]}</td>
                  <td className="number">{Math.max(0, b.total).toLocaleString("de-DE")}</td>
                  <td>{b.createdBy?.name ?? "–"}</td>
                  <td>
                    <Moment date={b.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

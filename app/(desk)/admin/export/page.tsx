import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/PageHeader";
import { requirePermission } from "@/lib/auth/session";
import { EXPORT_FORMATS, EXPORT_KINDS, type ExportFormat, type ExportKind } from "@/lib/export";
import "../editorial.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Export" };

const KIND_LABELS: Record<ExportKind, string> = {
  claims: "Veröffentlichte Behauptungen",
  quotes: "Öffentliche Zitate",
  speakers: "Öffentliche Sprecher",
};

const FORMAT_LABELS: Record<ExportFormat, string> = { csv: "CSV (Excel, Tabellen)", jsonl: "JSON Lines" };

export default async function ExportPage() {
  await requirePermission("desk.view", "/admin/export");
  return (
    <>
      <PageHeader title="Export" />
      <p>
        Die öffentlichen Daten zum Herunterladen, für Forschung und Partnerredaktionen: nur, was auch die öffentlichen Seiten zeigen (in der
        freigegebenen Fassung), nie Entwürfe, Notizen oder Konten. CSV mit BOM für Excel; JSON Lines enthält je Zeile ein Objekt der
        öffentlichen API (docs/api.md). Dieselben Dateien liefert <code>npm run export</code> auf der Kommandozeile.
      </p>
      <ul className="export-links">
        {EXPORT_KINDS.map((kind) => (
          <li key={kind}>
            {KIND_LABELS[kind]}:{" "}
            {EXPORT_FORMATS.map((format, i) => (
              <span key={format}>
                {i > 0 ? " · " : null}
                <a href={`/api/admin/export?kind=${kind}&format=${format}`} download>
                  {FORMAT_LABELS[format]}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ul>
      <h2>Für Maschinen</h2>
      <ul>
        <li>
          Alle Faktenchecks als ClaimReview-DataFeed (Data Commons): <a href="/api/v1/claimreview-feed.json">deutsch</a> ·{" "}
          <a href="/api/v1/claimreview-feed.json?lang=en">englisch</a>
        </li>
        <li>
          Öffentliche API: <a href="/api/v1/docs">Referenz</a> · <a href="/api/v1/openapi.json">OpenAPI-Dokument</a>
        </li>
      </ul>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/ActionForm";
import { ConfirmImportForm } from "@/components/admin/ConfirmImportForm";
import { ImportProgress } from "@/components/admin/ImportProgress";
import { Moment } from "@/components/admin/Moment";
import { TableScroll } from "@/components/admin/TableScroll";
import { Pagination } from "@/components/Pagination";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listHref, optionalChoice, pageParam, type SearchParams } from "@/lib/editorial/listing";
import { ACTION_ORDER, PREVIEW_PAGE_SIZE, getImportBatch, previewRows, unknownClaimants } from "@/lib/import/stage";
import { cancelImportAction, confirmImportAction } from "../actions";
import { ACTION_LABELS, FORMAT_LABELS, KIND_LABELS, STATUS_LABELS } from "../labels";
import "../../editorial.css";
import "../import.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Import" };

const CLAIMANTS_SHOWN = 200;

export default async function ImportBatchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const user = await requirePermission("import.run", `/admin/import/${id}`);
  const batch = id.length <= 64 ? await getImportBatch(id) : null;
  if (!batch) notFound();
  const query = await searchParams;
  const action = optionalChoice(query, "action", ACTION_ORDER);
  const page = pageParam(query);
  const [{ rows, total }, claimants] = await Promise.all([
    previewRows(batch.id, { action, page }),
    batch.status === "previewed" ? unknownClaimants(batch.id, CLAIMANTS_SHOWN + 1) : Promise.resolve([]),
  ]);
  const path = `/admin/import/${batch.id}`;
  const toWrite = batch.counts.create + batch.counts.update;
  const own = batch.kind === "own";
  const mayConfirm = own ? can(user.role, "import.publish") && batch.createdBy?.id !== user.id : true;
  const status = batch.stalled ? "stalled" : (batch.status as keyof typeof STATUS_LABELS);
  const recordHref = (resultId: string) => (own ? `/admin/claims/${resultId}` : `/admin/external-checks/${resultId}`);

  return (
    <>
      <p>
        <Link href="/admin/import">← Alle Importe</Link>
      </p>
      <h1>Import: {batch.filename ?? "(ohne Namen)"}</h1>
      <dl className="facts">
        <dt>Art</dt>
        <dd>{KIND_LABELS[batch.kind]}</dd>
        <dt>Format</dt>
        <dd>{batch.format ? (FORMAT_LABELS[batch.format] ?? batch.format) : "–"}</dd>
        <dt>Stand</dt>
        <dd>{STATUS_LABELS[status]}</dd>
        <dt>Hochgeladen</dt>
        <dd>
          <Moment date={batch.createdAt} /> von {batch.createdBy?.name ?? "–"}
          {batch.bytes ? ` (${(batch.bytes / 2 ** 20).toFixed(1)} MB)` : ""}
        </dd>
        {batch.confirmedAt ? (
          <>
            <dt>Bestätigt</dt>
            <dd>
              <Moment date={batch.confirmedAt} /> von {batch.confirmedBy?.name ?? "–"}
              {batch.allOrNothing ? " (alles oder nichts)" : ""}
            </dd>
          </>
        ) : null}
      </dl>

      {batch.error ? (
        <div role="alert" className="form-status form-status--error">
          <p>{batch.error}</p>
        </div>
      ) : null}
      {(batch.status === "reading" || batch.status === "importing") && !batch.stalled ? (
        <ImportProgress
          id={batch.id}
          status={batch.status}
          processed={batch.processed}
          total={batch.total}
          label={batch.status === "reading" ? "Gelesen" : "Geschrieben"}
        />
      ) : null}
      {batch.result ? (
        <p role="status">
          Ergebnis: {batch.result.created ?? 0} angelegt, {batch.result.updated ?? 0} aktualisiert, {batch.result.unchanged ?? 0} unverändert
          {batch.result.failed ? `, ${batch.result.failed} beim Schreiben abgelehnt` : ""}
          {batch.result.speakersCreated ? `, ${batch.result.speakersCreated} neue Sprecher` : ""}.
          {batch.result.linksToReapprove ? (
            <>
              {" "}
              {batch.result.linksToReapprove} Verknüpfungen mit unseren Behauptungen zeigen geänderte Faktenchecks: ihre öffentlichen Seiten bleiben, wie
              freigegeben, bis eine zweite Person sie in der <Link href="/admin/review">Prüfung</Link> erneut freigibt.
            </>
          ) : null}
        </p>
      ) : null}

      <h2>Vorschau</h2>
      <ul className="import-counts">
        <li>
          <Link href={path} aria-current={action === undefined ? "page" : undefined}>
            alle: {batch.total.toLocaleString("de-DE")}
          </Link>
        </li>
        {ACTION_ORDER.map((a) => (
          <li key={a}>
            <Link href={listHref(path, {}, { action: a })} aria-current={action === a ? "page" : undefined}>
              {ACTION_LABELS[a]}: {batch.counts[a].toLocaleString("de-DE")}
            </Link>
          </li>
        ))}
      </ul>
      {batch.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}

      {batch.status === "previewed" || (batch.stalled && batch.status === "importing") ? (
        toWrite === 0 ? (
          <p>Nichts zu importieren: jeder Eintrag ist schon vorhanden, doppelt oder fehlerhaft.</p>
        ) : mayConfirm ? (
          <ConfirmImportForm
            action={confirmImportAction}
            batchId={batch.id}
            version={batch.version}
            total={toWrite}
            unknownClaimants={claimants.slice(0, CLAIMANTS_SHOWN)}
            moreClaimants={claimants.length > CLAIMANTS_SHOWN}
            hasInvalid={batch.counts.invalid > 0}
            submitLabel={
              own
                ? `${toWrite.toLocaleString("de-DE")} eigene Bewertungen veröffentlichen`
                : batch.stalled
                  ? "Import fortsetzen"
                  : `${toWrite.toLocaleString("de-DE")} Faktenchecks importieren`
            }
          />
        ) : (
          <p className="notice">
            Eigene Bewertungen werden veröffentlicht, wenn eine Administratorin oder ein Administrator bestätigt, die oder der die Datei nicht
            selbst hochgeladen hat (Vier-Augen-Prinzip).
          </p>
        )
      ) : null}
      {batch.status === "previewed" || (batch.stalled && batch.status === "reading") ? (
        <ActionForm
          action={cancelImportAction}
          hidden={{ batchId: batch.id }}
          version={batch.version}
          submitLabel="Vorschau verwerfen"
          confirm="Die Vorschau verwerfen? Nichts wird importiert."
        />
      ) : null}

      {total === 0 ? (
        <p className="muted">Keine Einträge{action ? ` „${ACTION_LABELS[action]}“` : ""}.</p>
      ) : (
        <TableScroll label="Einträge der Datei">
          <table className="admin-table">
            <caption className="visually-hidden">Einträge der Datei, Seite {page}</caption>
            <thead>
              <tr>
                <th scope="col" className="number">
                  Zeile
                </th>
                <th scope="col">Ergebnis</th>
                <th scope="col">Behauptung</th>
                <th scope="col">Herausgeber</th>
                <th scope="col">Bewertung</th>
                <th scope="col">Urheber</th>
                <th scope="col">Warum</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.position}>
                  <td className="number">{r.line ?? "–"}</td>
                  <td>
                    {r.resultId ? <Link href={recordHref(r.resultId)}>{ACTION_LABELS[r.action]}</Link> : ACTION_LABELS[r.action]}
                    {r.done ? " ✓" : ""}
                  </td>
                  <td>{r.claimText ? (r.claimText.length > 160 ? `${r.claimText.slice(0, 160)} …` : r.claimText) : "–"}</td>
                  <td>{r.publisher ?? "–"}</td>
                  <td>{r.rating ?? "–"}</td>
                  <td>
                    {r.claimant ?? "–"}
                    {r.speaker ? (
                      <>
                        {" → "}
                        <Link href={`/admin/speakers/${r.speaker.id}`}>{r.speaker.name}</Link>
                      </>
                    ) : null}
                  </td>
                  <td>{r.message ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page} pageCount={Math.max(1, Math.ceil(total / PREVIEW_PAGE_SIZE))} href={(p) => listHref(path, query, { page: p > 1 ? p : undefined })} locale="de" />
    </>
  );
}

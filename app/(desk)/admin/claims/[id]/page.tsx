import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { ClaimExternalChecks } from "@/components/admin/ClaimExternalChecks";
import { Moment } from "@/components/admin/Moment";
import { Select, TextArea, TextField } from "@/components/admin/Fields";
import { SimilarRecords } from "@/components/admin/SimilarRecords";
import { Markdown } from "@/components/Markdown";
import type { FormAction } from "@/lib/actions/define";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type SessionUser } from "@/lib/auth/session";
import { STATUS_LABELS, claimFormOptions, getClaimForEdit, verdictLockReason, type ClaimForEdit, type ClaimFormOptions } from "@/lib/editorial/claims";
import { evidenceLockReason, STANCE_LABELS, STANCES } from "@/lib/editorial/evidence";
import { approvalDigest, pendingPublicChanges } from "@/lib/editorial/publication";
import { workflowOptions, type Transition } from "@/lib/editorial/workflow";
import { db } from "@/lib/db/client";
import {
  addCommentAction,
  addEvidenceAction,
  approveAction,
  assignClaimAction,
  backToDraftAction,
  deleteClaimAction,
  deleteEvidenceAction,
  proposeCorrectionAction,
  rejectAction,
  retractAction,
  startResearchAction,
  submitAction,
  updateClaimAction,
  updateEvidenceAction,
  updateVerdictAction,
  withdrawAction,
} from "../actions";
import { ClaimFields } from "../ClaimFields";
import { WorkflowPanel } from "./WorkflowPanel";
import { approveLinkAction, unlinkClaimAction } from "../../external-checks/actions";
import "../claims.css";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const claim = await getClaimForEdit((await params).id);
  return { title: claim ? `Behauptung: ${claim.text.slice(0, 60)}` : "Behauptung" };
}

const STEP_ACTIONS: Record<Transition, FormAction> = {
  start_research: startResearchAction,
  back_to_draft: backToDraftAction,
  submit: submitAction,
  withdraw: withdrawAction,
  approve: approveAction,
  reject: rejectAction,
  propose_correction: proposeCorrectionAction,
  retract: retractAction,
};

const stanceOptions = STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }));

export default async function ClaimPage({ params }: Params) {
  const { id } = await params;
  const user = await requirePermission("desk.view", `/admin/claims/${id}`);
  const claim = await getClaimForEdit(id);
  if (!claim) notFound();
  const [options, steps, pending, digest, tp] = await Promise.all([
    claimFormOptions(),
    workflowOptions(user, claim.id),
    // What readers do not see yet: desk edits since the last approval (PUBLIC MEANS APPROVED).
    claim.publicState ? pendingPublicChanges(claim.id) : null,
    // The approve form names what the reviewer sees, so that the approval publishes exactly that.
    claim.status === "in_review" ? approvalDigest(db, claim.id) : undefined,
    getTranslations({ locale: "de", namespace: "publication" }),
  ]);

  const fixed = claim.publishedAt
    ? "Text, Sprache und Urheber bleiben nach der Veröffentlichung unverändert: Leser haben genau diese Aussage geprüft gesehen. Für eine andere Aussage legen Sie eine neue Behauptung an."
    : null;
  const detailsNote =
    claim.status === "retracted"
      ? "Die Behauptung ist zurückgezogen und wird nicht mehr geändert."
      : claim.status === "in_review"
        ? "Während der Prüfung bleibt die Behauptung unverändert (nur die Recherchenotizen lassen sich ergänzen). Ziehen Sie sie aus der Prüfung zurück, um sie zu ändern."
        : claim.publicState && !can(user.role, "claim.correct")
          ? "Die Behauptung ist veröffentlicht: Änderungen an Datum, Zahl, Themen, Zitaten und Textstellen bereiten Redaktion und Prüfung als Korrektur vor."
          : claim.publicState
            ? "Die Behauptung ist veröffentlicht: Änderungen hier (und an ihren Zitaten, Quellen und Belegen) werden erst mit einer freigegebenen Korrektur öffentlich."
            : null;
  const canDelete = can(user.role, "record.delete") && claim.status === "draft" && !claim.publishedAt && !claim.publicState && claim.corrections.length === 0;

  return (
    <div className="claim-desk">
      <p>
        <Link href="/admin/claims">← Alle Behauptungen</Link>
      </p>
      <h1 lang={claim.language}>{claim.text}</h1>
      <ul className="claim-meta">
        <li>
          Status: <span className={`status-badge status-badge--${claim.status}`}>{STATUS_LABELS[claim.status]}</span>
        </li>
        {claim.publicState ? (
          <li>
            Öffentlich: {STATUS_LABELS[claim.publicState]} –{" "}
            <Link href={`/claims/${claim.slug}`}>öffentliche Seite ansehen</Link>
          </li>
        ) : (
          <li>Nicht öffentlich</li>
        )}
        <li>Zuständig: {claim.assignee?.name ?? "niemand"}</li>
        <li>
          Angelegt von {claim.createdBy?.name ?? "–"} am <Moment date={claim.createdAt} />
        </li>
        <li>
          Version {claim.version}, geändert <Moment date={claim.updatedAt} /> – <Link href={`/admin/claims/${claim.id}/history`}>Versionsgeschichte</Link>
        </li>
      </ul>

      {pending && pending.parts.length > 0 ? (
        <div className="claim-lock" role="status">
          <strong>{tp("pendingTitle")}</strong>{" "}
          {tp(claim.status === "in_review" ? "pendingReview" : "pendingText", {
            parts: pending.parts.map((part) => tp(`parts.${part}`)).join(", "),
          })}
        </div>
      ) : null}

      <nav aria-label="Abschnitte dieser Seite">
        <ul className="claim-meta">
          <li><a href="#angaben">Angaben</a></li>
          <li><a href="#bewertung">Bewertung</a></li>
          <li><a href="#belege">Belege ({claim.evidence.length})</a></li>
          <li><a href="#arbeitsablauf">Arbeitsablauf</a></li>
          <li><a href="#zuweisung">Zuweisung</a></li>
          <li><a href="#kommentare">Kommentare ({claim.comments.length})</a></li>
          <li><a href="#pruefungen">Prüfungen ({claim.reviewDecisions.length})</a></li>
          <li><a href="#korrekturen">Korrekturen ({claim.corrections.length})</a></li>
        </ul>
      </nav>

      <section className="claim-section" aria-labelledby="angaben">
        <h2 id="angaben">Angaben</h2>
        {detailsNote ? <p className="claim-lock">{detailsNote}</p> : null}
        {can(user.role, "record.edit") ? (
          <ActionForm action={updateClaimAction} submitLabel="Angaben speichern" version={claim.version} hidden={{ claimId: claim.id }}>
            <ClaimFields
              options={options}
              fixed={fixed}
              values={{
                text: claim.text,
                language: claim.language,
                claimantId: claim.claimantId,
                claimDate: claim.claimDate,
                topicIds: claim.topics.map((t) => t.topic.id),
                quoteIds: claim.quotes.map((q) => q.quote.id),
                passages: claim.passages.map((p) => ({
                  sourceId: p.sourceId,
                  start: p.start,
                  end: p.end,
                  preview: p.source.snapshotText?.slice(p.start, p.end),
                })),
                quantityValue: claim.quantityValue?.toString() ?? null,
                quantityUnit: claim.quantityUnit,
                quantitySubject: claim.quantitySubject,
                quantityMeasure: claim.quantityMeasure,
                quantityAsOf: claim.quantityAsOf,
                researchNotes: claim.researchNotes,
              }}
              textExtra={<SimilarRecords kind="claim" inputName="text" excludeId={claim.id} heading="Ähnliche Behauptungen:" />}
            />
          </ActionForm>
        ) : null}
        {canDelete ? (
          <ActionForm
            action={deleteClaimAction}
            submitLabel="Entwurf löschen"
            version={claim.version}
            hidden={{ claimId: claim.id }}
            confirm="Diesen Entwurf mit seinen Belegen löschen? Die Versionsgeschichte bleibt erhalten."
            className="admin-form claim-delete"
          />
        ) : null}
      </section>

      <section className="claim-section" aria-labelledby="bewertung">
        <h2 id="bewertung">Bewertung</h2>
        <VerdictSection claim={claim} user={user} options={options} />
      </section>

      <section className="claim-section" aria-labelledby="belege">
        <h2 id="belege">Belege</h2>
        <EvidenceSection claim={claim} user={user} options={options} />
      </section>

      <ClaimExternalChecks claimId={claim.id} user={user} actions={{ approve: approveLinkAction, unlink: unlinkClaimAction }} />

      <section className="claim-section" aria-labelledby="arbeitsablauf">
        <h2 id="arbeitsablauf">Arbeitsablauf</h2>
        <WorkflowPanel
          claimId={claim.id}
          version={claim.version}
          options={steps}
          actions={STEP_ACTIONS}
          verdicts={options.verdicts}
          published={{ verdictId: claim.publishedVerdictId, summary: claim.publishedSummary, analysis: claim.publishedAnalysis }}
          contentDigest={digest}
        />
      </section>

      <section className="claim-section" aria-labelledby="zuweisung">
        <h2 id="zuweisung">Zuweisung</h2>
        {can(user.role, "claim.assign") ? (
          <ActionForm action={assignClaimAction} submitLabel="Zuweisen" version={claim.version} hidden={{ claimId: claim.id }}>
            <Select
              idPrefix="assign"
              name="assigneeId"
              label="Zuständig"
              defaultValue={claim.assigneeId}
              options={options.users}
              emptyLabel="– niemand –"
            />
          </ActionForm>
        ) : (
          <p>
            Zuständig: {claim.assignee?.name ?? "niemand"}. <span className="muted">Zuweisen können Redaktion und Prüfung.</span>
          </p>
        )}
      </section>

      <section className="claim-section" aria-labelledby="kommentare">
        <h2 id="kommentare">Kommentare</h2>
        <p className="muted">Nur für die Redaktion sichtbar.</p>
        {claim.comments.length === 0 ? (
          <p className="empty-state">Noch keine Kommentare.</p>
        ) : (
          <ol className="comment-list">
            {claim.comments.map((c) => (
              <li key={c.id}>
                <p className="muted">
                  {c.author?.name ?? "Gelöschtes Konto"}, <Moment date={c.createdAt} />
                </p>
                <p className="pre-line">{c.body}</p>
              </li>
            ))}
          </ol>
        )}
        {can(user.role, "record.edit") ? (
          <ActionForm action={addCommentAction} submitLabel="Kommentar speichern" hidden={{ claimId: claim.id }} resetOnSuccess>
            <TextArea idPrefix="comment" name="body" label="Neuer Kommentar" required rows={3} />
          </ActionForm>
        ) : null}
      </section>

      <section className="claim-section" aria-labelledby="pruefungen">
        <h2 id="pruefungen">Prüfungen</h2>
        {claim.reviewDecisions.length === 0 ? (
          <p className="empty-state">Noch keine Prüfentscheidung.</p>
        ) : (
          <ol className="decision-list">
            {claim.reviewDecisions.map((d) => (
              <li key={d.id}>
                <p>
                  <strong>{d.outcome === "approved" ? "Freigegeben" : "Abgelehnt"}</strong> von {d.reviewer?.name ?? "Gelöschtes Konto"} am{" "}
                  <Moment date={d.createdAt} />
                </p>
                <p className="muted">
                  Geprüfte Bewertung: {d.verdict?.nameDe ?? "–"}
                  {d.summary ? ` – „${d.summary}“` : ""}
                </p>
                {d.note ? (
                  <p className="pre-line">
                    <span className="muted">Notiz: </span>
                    {d.note}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="claim-section" aria-labelledby="korrekturen">
        <h2 id="korrekturen">Korrekturen</h2>
        {claim.corrections.length === 0 ? (
          <p className="empty-state">Keine Korrekturen.</p>
        ) : (
          <ol className="correction-list">
            {claim.corrections.map((c) => (
              <li key={c.id}>
                <p>
                  <strong>{c.kind === "retraction" ? "Rückzug" : "Korrektur"}</strong>
                  {c.publishedAt ? (
                    <>
                      , veröffentlicht am <Moment date={c.publishedAt} />
                    </>
                  ) : (
                    <> – ausstehend (wird mit der Freigabe veröffentlicht)</>
                  )}
                  , vorgeschlagen von {c.author?.name ?? "–"} am <Moment date={c.createdAt} />
                </p>
                <p className="pre-line">{c.note}</p>
                <p className="muted">
                  Vorher: {c.previousVerdict?.nameDe ?? "–"}
                  {c.previousSummary ? ` – „${c.previousSummary}“` : ""}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function VerdictSection({ claim, user, options }: { claim: ClaimForEdit; user: SessionUser; options: ClaimFormOptions }) {
  const lock = verdictLockReason(claim);
  const mayEdit = can(user.role, "claim.verdict");
  const reason = lock ?? (mayEdit ? null : "Eine Bewertung schlagen Redaktion und Prüfung vor; Mitarbeitende ergänzen Belege und Recherchenotizen.");
  // The current label stays selectable even if it was deactivated since.
  const verdicts =
    claim.verdict && !options.verdicts.some((v) => v.value === claim.verdict!.id)
      ? [...options.verdicts, { value: claim.verdict.id, label: `${claim.verdict.nameDe} (nicht mehr aktiv)` }]
      : options.verdicts;

  const fields = (disabled: boolean) => (
    <>
      <Select idPrefix="verdict" name="verdictId" label="Bewertung" disabled={disabled} defaultValue={claim.verdictId} options={verdicts} emptyLabel="– noch keine –" />
      <TextArea
        idPrefix="verdict"
        name="summary"
        label="Zusammenfassung"
        disabled={disabled}
        rows={3}
        defaultValue={claim.summary}
        hint="Ein bis drei Sätze; erscheint öffentlich neben der Bewertung (und in ClaimReview)."
      />
      <TextArea
        idPrefix="verdict"
        name="analysis"
        label="Analyse (Markdown)"
        disabled={disabled}
        rows={12}
        defaultValue={claim.analysis}
        hint="Überschriften mit ##, Hervorhebung mit **fett**, Links mit [Text](https://…)."
      />
    </>
  );

  return (
    <>
      <p>
        {claim.verdictAuthor ? (
          <>
            Vorgeschlagen von <strong>{claim.verdictAuthor.name}</strong>
            {claim.verdictAuthor.id === user.id ? " (von Ihnen: freigeben muss jemand anderes)" : ""}.
          </>
        ) : (
          "Noch keine Bewertung vorgeschlagen."
        )}
      </p>
      {reason ? (
        <>
          <p className="claim-lock" id="verdict-lock">
            {reason}
          </p>
          <fieldset disabled aria-describedby="verdict-lock" className="admin-form">
            <legend className="visually-hidden">Bewertung (Arbeitsstand, gesperrt)</legend>
            {fields(true)}
          </fieldset>
        </>
      ) : (
        <ActionForm action={updateVerdictAction} submitLabel="Bewertung speichern" version={claim.version} hidden={{ claimId: claim.id }}>
          {fields(false)}
        </ActionForm>
      )}
      {claim.analysis ? (
        <details>
          <summary>Vorschau der Analyse (Arbeitsstand)</summary>
          <Markdown source={claim.analysis} />
        </details>
      ) : null}
      {claim.publicState ? (
        <div>
          <h3>Veröffentlichte Fassung</h3>
          <p>
            <strong>{claim.publishedVerdict?.nameDe ?? "–"}</strong>
            {claim.publishedAt ? (
              <>
                {" "}
                – zuerst veröffentlicht am <Moment date={claim.publishedAt} />
              </>
            ) : null}
            {claim.publicUpdatedAt && claim.publishedAt && claim.publicUpdatedAt.getTime() !== claim.publishedAt.getTime() ? (
              <>
                , aktualisiert am <Moment date={claim.publicUpdatedAt} />
              </>
            ) : null}
          </p>
          {claim.publishedSummary ? <p>{claim.publishedSummary}</p> : null}
        </div>
      ) : null}
    </>
  );
}

function EvidenceSection({ claim, user, options }: { claim: ClaimForEdit; user: SessionUser; options: ClaimFormOptions }) {
  const lock = evidenceLockReason(user.role, claim)?.message ?? null;
  const mayEdit = can(user.role, "record.edit") && !lock;
  const mayDelete = mayEdit;
  return (
    <>
      {lock ? <p className="claim-lock">{lock}</p> : null}
      {claim.evidence.length === 0 ? (
        <p className="empty-state">Noch keine Belege. Zur Prüfung braucht die Behauptung mindestens einen.</p>
      ) : (
        <ol className="evidence-list">
          {claim.evidence.map((e) => (
            <li key={e.id}>
              <p>
                <strong>{STANCE_LABELS[e.stance]}</strong> –{" "}
                {e.source.url ? (
                  <a href={e.source.url} rel="noopener noreferrer">
                    {e.source.title}
                  </a>
                ) : (
                  e.source.title
                )}
                {e.source.publisher ? <span className="muted"> ({e.source.publisher})</span> : null}
              </p>
              <blockquote>
                <p>{e.excerpt}</p>
              </blockquote>
              {e.note ? <p>{e.note}</p> : null}
              <p className="muted">
                {e.start !== null && e.end !== null ? `Textstelle ${e.start}–${e.end}. ` : "Ohne Textstelle. "}
                Hinzugefügt von {e.createdBy?.name ?? "–"} am <Moment date={e.createdAt} />, Version {e.version}.
              </p>
              {mayEdit ? (
                <div className="evidence-actions">
                  <details>
                    <summary>Beleg bearbeiten</summary>
                    <ActionForm action={updateEvidenceAction} submitLabel="Beleg speichern" version={e.version} hidden={{ evidenceId: e.id }}>
                      <EvidenceFields idPrefix={`ev-${e.id}`} options={options} values={e} />
                    </ActionForm>
                  </details>
                  {mayDelete ? (
                    <ActionForm
                      action={deleteEvidenceAction}
                      submitLabel="Beleg entfernen"
                      version={e.version}
                      hidden={{ evidenceId: e.id, claimId: claim.id }}
                      confirm="Diesen Beleg entfernen? In der Versionsgeschichte bleibt er sichtbar."
                      className="admin-form evidence-delete"
                    />
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {mayEdit ? (
        <>
          <h3 id="beleg-neu">Beleg hinzufügen</h3>
          <ActionForm action={addEvidenceAction} submitLabel="Beleg hinzufügen" hidden={{ claimId: claim.id }} resetOnSuccess>
            <EvidenceFields idPrefix="ev-new" options={options} />
          </ActionForm>
        </>
      ) : null}
    </>
  );
}

function EvidenceFields({
  idPrefix,
  options,
  values,
}: {
  idPrefix: string;
  options: ClaimFormOptions;
  values?: { sourceId: string; stance: string; excerpt: string; start: number | null; end: number | null; note: string | null; position: number };
}) {
  return (
    <>
      <Select idPrefix={idPrefix} name="sourceId" label="Quelle" required defaultValue={values?.sourceId} options={options.sources} />
      <Select idPrefix={idPrefix} name="stance" label="Haltung" required defaultValue={values?.stance} options={stanceOptions} />
      <TextArea
        idPrefix={idPrefix}
        name="excerpt"
        label="Auszug"
        required
        rows={3}
        defaultValue={values?.excerpt}
        hint="Wörtlich aus dem gespeicherten Text der Quelle. Steht er dort genau einmal, wird die Textstelle selbst gefunden."
      />
      <div className="passage-row passage-row--two">
        <TextField idPrefix={idPrefix} name="start" label="Anfang (optional)" type="number" min={0} defaultValue={values?.start?.toString() ?? ""} />
        <TextField idPrefix={idPrefix} name="end" label="Ende (optional)" type="number" min={0} defaultValue={values?.end?.toString() ?? ""} />
      </div>
      <TextArea idPrefix={idPrefix} name="note" label="Notiz (öffentlich)" rows={2} defaultValue={values?.note} hint="Warum dieser Beleg zählt." />
      {values ? (
        <TextField idPrefix={idPrefix} name="position" label="Reihenfolge" type="number" min={0} defaultValue={String(values.position)} />
      ) : null}
    </>
  );
}

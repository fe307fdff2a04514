// The panels of the claim workspace's tabs (the page renders the chosen one): Details, Verdict
// (with the published version and the corrections), Evidence (with the other newsrooms'
// fact-checks), Workflow (with the assignment), Discussion (comments and review decisions).
// History is ./history/ClaimHistory.tsx. Each form is an ActionForm of its own, with the
// version it was loaded with: a save never carries another tab's input, and a conflicting save
// is refused with the merge view (components/admin/ActionForm.tsx).
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { ClaimExternalChecks } from "@/components/admin/ClaimExternalChecks";
import { ClaimPassageTarget } from "@/components/admin/ClaimPassageTarget";
import { EvidencePassage } from "@/components/admin/EvidencePassage";
import { Moment } from "@/components/admin/Moment";
import { Select, TextArea, TextField } from "@/components/admin/Fields";
import { SimilarRecords } from "@/components/admin/SimilarRecords";
import { Markdown } from "@/components/Markdown";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { isDeletableDraft, verdictLockReason, type ClaimForEdit, type ClaimFormOptions } from "@/lib/editorial/claims";
import { evidenceLockReason, STANCES } from "@/lib/editorial/evidence";
import type { TransitionOption } from "@/lib/editorial/workflow";
import { getMessageText } from "@/lib/desk-i18n";
import type { Locale } from "@/lib/i18n";
import { NEWSROOM_LANGUAGE } from "@/lib/i18n";
import {
  addCommentAction,
  addEvidenceAction,
  assignClaimAction,
  deleteClaimAction,
  deleteEvidenceAction,
  updateClaimAction,
  updateEvidenceAction,
  updateVerdictAction,
} from "../actions";
import { ClaimFields, sourceChoices } from "../ClaimFields";
import { approveLinkAction, unlinkClaimAction } from "../../external-checks/actions";
import { STEP_ACTIONS } from "./steps";
import { WorkflowPanel } from "./WorkflowPanel";

interface PanelProps {
  claim: ClaimForEdit;
  user: SessionUser;
  options: ClaimFormOptions;
  locale: Locale;
}

/** A verdict label's name in the desk's language (both are the newsroom's). */
const verdictName = (locale: Locale, v: { nameDe: string; nameEn: string } | null | undefined) => (v ? (locale === "en" ? v.nameEn : v.nameDe) : "–");

/** Whether the viewer can edit the claim's evidence now (the Evidence tab's forms). */
export function mayEditEvidence(user: SessionUser, claim: ClaimForEdit): boolean {
  return can(user.role, "record.edit") && !evidenceLockReason(user.role, claim);
}

// ---------------------------------------------------------------------------------------
// Details

export async function DetailsPanel({ claim, user, options }: PanelProps) {
  const t = await getTranslations("desk.claim");
  const fixed = claim.publishedAt ? t("fixed") : null;
  const detailsNote =
    claim.status === "retracted"
      ? t("note.retracted")
      : claim.status === "in_review"
        ? t("note.inReview")
        : claim.publicState && !can(user.role, "claim.correct")
          ? t("note.publishedContributor")
          : claim.publicState
            ? t("note.published")
            : null;
  const canDelete = can(user.role, "record.delete") && isDeletableDraft(claim, claim.corrections.length);
  return (
    <section className="claim-section" aria-labelledby="angaben">
      <h2 id="angaben">{t("section.details")}</h2>
      {detailsNote ? <p className="claim-lock">{detailsNote}</p> : null}
      {can(user.role, "record.edit") ? (
        <ActionForm action={updateClaimAction} submitLabel={t("saveDetails")} version={claim.version} hidden={{ claimId: claim.id }}>
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
            textExtra={<SimilarRecords kind="claim" inputName="text" excludeId={claim.id} heading={t("similar")} />}
          />
          <ClaimPassageTarget />
        </ActionForm>
      ) : null}
      {canDelete ? (
        <ActionForm
          action={deleteClaimAction}
          submitLabel={t("deleteDraft")}
          version={claim.version}
          hidden={{ claimId: claim.id }}
          confirm={t("deleteDraftConfirm")}
          className="admin-form claim-delete"
        />
      ) : null}
    </section>
  );
}

// ---------------------------------------------------------------------------------------
// Verdict

export async function VerdictPanel({ claim, user, options, locale }: PanelProps) {
  const [t, text] = await Promise.all([getTranslations("desk.claim"), getMessageText()]);
  const lock = verdictLockReason(claim);
  const mayEdit = can(user.role, "claim.verdict");
  const reason = lock ? text(lock) : mayEdit ? null : t("verdictRoles");
  // The current label stays selectable even if it was deactivated since.
  const verdicts =
    claim.verdict && !options.verdicts.some((v) => v.value === claim.verdict!.id)
      ? [...options.verdicts, { value: claim.verdict.id, label: t("inactiveLabel", { name: verdictName(locale, claim.verdict) }) }]
      : options.verdicts;

  const fields = (disabled: boolean) => (
    <>
      <Select idPrefix="verdict" name="verdictId" label={t("verdict")} disabled={disabled} defaultValue={claim.verdictId} options={verdicts} emptyLabel={t("noVerdictYet")} />
      <TextArea idPrefix="verdict" name="summary" label={t("summary")} disabled={disabled} rows={3} defaultValue={claim.summary} hint={t("summaryHint")} />
      <TextArea idPrefix="verdict" name="analysis" label={t("analysis")} disabled={disabled} rows={12} defaultValue={claim.analysis} hint={t("analysisHint")} />
    </>
  );

  return (
    <>
      <section className="claim-section" aria-labelledby="bewertung">
        <h2 id="bewertung">{t("section.verdict")}</h2>
        <p>
          {claim.verdictAuthor ? (
            <>
              {t("proposedByLabel")} <strong>{claim.verdictAuthor.name}</strong>
              {claim.verdictAuthor.id === user.id ? ` ${t("proposedByYou")}` : ""}.
            </>
          ) : (
            t("noProposal")
          )}
        </p>
        {reason ? (
          <>
            <p className="claim-lock" id="verdict-lock">
              {reason}
            </p>
            <fieldset disabled aria-describedby="verdict-lock" className="admin-form">
              <legend className="visually-hidden">{t("verdictLocked")}</legend>
              {fields(true)}
            </fieldset>
          </>
        ) : (
          <ActionForm action={updateVerdictAction} submitLabel={t("saveVerdict")} version={claim.version} hidden={{ claimId: claim.id }}>
            {fields(false)}
          </ActionForm>
        )}
        {claim.analysis ? (
          <details>
            <summary>{t("analysisPreview")}</summary>
            <div lang={NEWSROOM_LANGUAGE}>
              <Markdown source={claim.analysis} />
            </div>
          </details>
        ) : null}
        {claim.publicState ? (
          <div>
            <h3>{t("publishedVersion")}</h3>
            <p>
              <strong>{verdictName(locale, claim.publishedVerdict)}</strong>
              {claim.publishedAt ? (
                <>
                  {" "}
                  – {t("firstPublished")} <Moment date={claim.publishedAt} />
                </>
              ) : null}
              {claim.publicUpdatedAt && claim.publishedAt && claim.publicUpdatedAt.getTime() !== claim.publishedAt.getTime() ? (
                <>
                  , {t("updatedOn")} <Moment date={claim.publicUpdatedAt} />
                </>
              ) : null}
            </p>
            {claim.publishedSummary ? <p lang={NEWSROOM_LANGUAGE}>{claim.publishedSummary}</p> : null}
          </div>
        ) : null}
      </section>
      <Corrections claim={claim} locale={locale} />
    </>
  );
}

async function Corrections({ claim, locale }: { claim: ClaimForEdit; locale: Locale }) {
  const t = await getTranslations("desk.claim");
  return (
    <section className="claim-section" aria-labelledby="korrekturen">
      <h2 id="korrekturen">{t("section.corrections")}</h2>
      {claim.corrections.length === 0 ? (
        <p className="empty-state">{t("noCorrections")}</p>
      ) : (
        <ol className="correction-list">
          {claim.corrections.map((c) => (
            <li key={c.id}>
              <p>
                <strong>{c.kind === "retraction" ? t("retraction") : t("correction")}</strong>
                {c.publishedAt ? (
                  <>
                    , {t("publishedOn")} <Moment date={c.publishedAt} />
                  </>
                ) : (
                  <> – {t("pending")}</>
                )}
                , {t("proposedBy", { name: c.author?.name ?? "–" })} <Moment date={c.createdAt} />
              </p>
              <p className="pre-line" lang={NEWSROOM_LANGUAGE}>
                {c.note}
              </p>
              <p className="muted">
                {t("before", { verdict: verdictName(locale, c.previousVerdict) })}
                {c.previousSummary ? (
                  <>
                    {" – "}
                    <span lang={NEWSROOM_LANGUAGE}>{t("quoted", { text: c.previousSummary })}</span>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------
// Evidence

export async function EvidencePanel({ claim, user, options }: PanelProps) {
  const [t, stance, text] = await Promise.all([getTranslations("desk.claim"), getTranslations("desk.stance"), getMessageText()]);
  const refusal = evidenceLockReason(user.role, claim);
  const lock = refusal ? text(refusal.detail) : null;
  const mayEdit = mayEditEvidence(user, claim);
  const mayDelete = mayEdit;
  return (
    <>
      <section className="claim-section" aria-labelledby="belege">
        <h2 id="belege">{t("section.evidence")}</h2>
        {lock ? <p className="claim-lock">{lock}</p> : null}
        {claim.evidence.length === 0 ? (
          <p className="empty-state">{t("noEvidence")}</p>
        ) : (
          <ol className="evidence-list">
            {claim.evidence.map((e) => (
              <li key={e.id}>
                <p>
                  <strong>{stance(e.stance)}</strong> –{" "}
                  {e.source.url ? (
                    <a href={e.source.url} rel="noopener noreferrer" lang={e.source.language}>
                      {e.source.title}
                    </a>
                  ) : (
                    <span lang={e.source.language}>{e.source.title}</span>
                  )}
                  {e.source.publisher ? (
                    <span className="muted">
                      {" ("}
                      <span translate="no">{e.source.publisher}</span>)
                    </span>
                  ) : null}
                </p>
                <blockquote lang={e.source.language}>
                  <p>{e.excerpt}</p>
                </blockquote>
                {e.note ? <p lang={NEWSROOM_LANGUAGE}>{e.note}</p> : null}
                <p className="muted">
                  {e.start !== null && e.end !== null ? `${t("evidencePassage", { start: String(e.start), end: String(e.end) })} ` : `${t("evidenceNoPassage")} `}
                  {t("evidenceAddedBy", { name: e.createdBy?.name ?? "–" })} <Moment date={e.createdAt} />, {t("evidenceVersion", { version: e.version })}
                </p>
                {mayEdit ? (
                  <div className="evidence-actions">
                    <details>
                      <summary>{t("editEvidence")}</summary>
                      <ActionForm action={updateEvidenceAction} submitLabel={t("saveEvidence")} version={e.version} hidden={{ evidenceId: e.id }}>
                        <EvidenceFields idPrefix={`ev-${e.id}`} options={options} values={e} />
                      </ActionForm>
                    </details>
                    {mayDelete ? (
                      <ActionForm
                        action={deleteEvidenceAction}
                        submitLabel={t("removeEvidence")}
                        version={e.version}
                        hidden={{ evidenceId: e.id, claimId: claim.id }}
                        confirm={t("removeEvidenceConfirm")}
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
            <h3 id="beleg-neu">{t("addEvidence")}</h3>
            <ActionForm action={addEvidenceAction} submitLabel={t("addEvidence")} hidden={{ claimId: claim.id }} resetOnSuccess>
              <EvidenceFields idPrefix="ev-new" options={options} />
            </ActionForm>
          </>
        ) : null}
      </section>
      <ClaimExternalChecks claimId={claim.id} user={user} actions={{ approve: approveLinkAction, unlink: unlinkClaimAction }} />
    </>
  );
}

/** A piece of evidence's fields: its source and passage (picked in the source's stored text),
 * the excerpt, the stance, a note, and (when editing) its place in the list. */
async function EvidenceFields({
  idPrefix,
  options,
  values,
}: {
  idPrefix: string;
  options: ClaimFormOptions;
  values?: { sourceId: string; stance: string; excerpt: string; start: number | null; end: number | null; note: string | null; position: number };
}) {
  const [t, stance, sources] = await Promise.all([getTranslations("desk.evidence"), getTranslations("desk.stance"), sourceChoices(options.sources)]);
  const stanceOptions = STANCES.map((s) => ({ value: s, label: stance(s) }));
  return (
    <>
      <EvidencePassage
        idPrefix={idPrefix}
        sources={sources}
        labels={{ source: t("source"), start: t("start"), end: t("end") }}
        initial={values ? { sourceId: values.sourceId, start: values.start?.toString() ?? "", end: values.end?.toString() ?? "" } : undefined}
        lazy={values !== undefined}
        takesWorkspacePassages={values === undefined}
      >
        <TextArea idPrefix={idPrefix} name="excerpt" label={t("excerpt")} required rows={3} defaultValue={values?.excerpt} hint={t("excerptHint")} />
      </EvidencePassage>
      <Select idPrefix={idPrefix} name="stance" label={t("stance")} required defaultValue={values?.stance} options={stanceOptions} />
      <TextArea idPrefix={idPrefix} name="note" label={t("note")} rows={2} defaultValue={values?.note} hint={t("noteHint")} />
      {values ? <TextField idPrefix={idPrefix} name="position" label={t("position")} type="number" min={0} defaultValue={String(values.position)} /> : null}
    </>
  );
}

// ---------------------------------------------------------------------------------------
// Workflow

export async function WorkflowTabPanel({
  claim,
  user,
  options,
  steps,
  digest,
}: PanelProps & { steps: TransitionOption[]; digest: string | undefined }) {
  const t = await getTranslations("desk.claim");
  return (
    <>
      <section className="claim-section" aria-labelledby="arbeitsablauf">
        <h2 id="arbeitsablauf">{t("section.workflow")}</h2>
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
        <h2 id="zuweisung">{t("section.assignment")}</h2>
        {can(user.role, "claim.assign") ? (
          <ActionForm action={assignClaimAction} submitLabel={t("assign")} version={claim.version} hidden={{ claimId: claim.id }}>
            <Select
              idPrefix="assign"
              name="assigneeId"
              label={t("assigneeLabel")}
              defaultValue={claim.assigneeId}
              options={options.users}
              emptyLabel={t("nobodyOption")}
            />
          </ActionForm>
        ) : (
          <p>
            {t("assignee", { name: claim.assignee?.name ?? t("nobody") })}. <span className="muted">{t("assignRoles")}</span>
          </p>
        )}
      </section>
    </>
  );
}

// ---------------------------------------------------------------------------------------
// Discussion

export async function DiscussionPanel({ claim, user, locale }: Omit<PanelProps, "options">) {
  const t = await getTranslations("desk.claim");
  return (
    <>
      <section className="claim-section" aria-labelledby="kommentare">
        <h2 id="kommentare">{t("section.comments")}</h2>
        <p className="muted">{t("newsroomOnly")}</p>
        {claim.comments.length === 0 ? (
          <p className="empty-state">{t("noComments")}</p>
        ) : (
          <ol className="comment-list">
            {claim.comments.map((c) => (
              <li key={c.id}>
                <p className="muted">
                  {c.author?.name ?? t("deletedAccount")}, <Moment date={c.createdAt} />
                </p>
                <p className="pre-line" lang={NEWSROOM_LANGUAGE}>
                  {c.body}
                </p>
              </li>
            ))}
          </ol>
        )}
        {can(user.role, "record.edit") ? (
          <ActionForm action={addCommentAction} submitLabel={t("saveComment")} hidden={{ claimId: claim.id }} resetOnSuccess>
            <TextArea idPrefix="comment" name="body" label={t("newComment")} required rows={3} />
          </ActionForm>
        ) : null}
      </section>

      <section className="claim-section" aria-labelledby="pruefungen">
        <h2 id="pruefungen">{t("section.reviews")}</h2>
        {claim.reviewDecisions.length === 0 ? (
          <p className="empty-state">{t("noReviews")}</p>
        ) : (
          <ol className="decision-list">
            {claim.reviewDecisions.map((d) => (
              <li key={d.id}>
                <p>
                  <strong>{d.outcome === "approved" ? t("approved") : t("rejected")}</strong>{" "}
                  {t("decidedBy", { name: d.reviewer?.name ?? t("deletedAccount") })} <Moment date={d.createdAt} />
                </p>
                <p className="muted">
                  {t("reviewedVerdict", { verdict: verdictName(locale, d.verdict) })}
                  {d.summary ? (
                    <>
                      {" – "}
                      <span lang={NEWSROOM_LANGUAGE}>{t("quoted", { text: d.summary })}</span>
                    </>
                  ) : null}
                </p>
                {d.note ? (
                  <p className="pre-line">
                    <span className="muted">{t("noteLabel")} </span>
                    <span lang={NEWSROOM_LANGUAGE}>{d.note}</span>
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

// The review screen of an ingested article: its stored text with every open or accepted
// candidate highlighted (each highlight links to the candidate in the list, each candidate
// back to its place in the text), and per candidate: accept (with the speaker, a new one only
// after confirmation), edit (text, speaker, span, kind of speech) or reject; all open ones can
// be accepted at once, and the extraction can run again (it proposes nothing decided).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/ActionForm";
import { Checkbox, Select, TextArea, TextField } from "@/components/admin/Fields";
import { formatMoment } from "@/components/admin/Moment";
import { Notice } from "@/components/admin/PageHeader";
import { RecordHistory } from "@/components/admin/RecordHistory";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import {
  ARTICLE_STATUS_LABELS,
  CANDIDATE_KIND_LABELS,
  CANDIDATE_STATUS_LABELS,
  SPEECH_LABELS,
  getArticleForReview,
  segmentText,
  type ArticleForReview,
  type ReviewCandidate,
} from "@/lib/editorial/articles";
import { acceptAllCandidatesAction, acceptCandidateAction, editCandidateAction, extractArticleAction, rejectCandidateAction } from "../actions";
import "../../editorial.css";
import "../articles.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Artikel prüfen" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const day = (d: Date) => d.toLocaleDateString("de-DE", { timeZone: "UTC" });

export default async function ArticleReviewPage({ params, searchParams }: Props) {
  const user = await requirePermission("desk.view", `/admin/articles/${encodeURIComponent((await params).id)}`);
  const { id } = await params;
  const article = await getArticleForReview(id);
  if (!article) notFound();
  const ingested = (await searchParams).eingelesen !== undefined;
  const editable = can(user.role, "record.edit");
  const open = article.candidates.filter((c) => c.status === "proposed");
  const count = (s: ReviewCandidate["status"]) => article.candidates.filter((c) => c.status === s).length;
  const newNames = [...new Set(open.flatMap((c) => c.newSpeakers))];
  const numbers = new Map(article.candidates.map((c, i) => [c.id, i + 1]));

  return (
    <>
      <p>
        <Link href="/admin/articles">← Alle Artikel</Link>
      </p>
      <h1>{article.title ?? "(ohne Titel)"}</h1>
      <p className="muted">
        {[
          article.publisher,
          article.publishedAt ? `veröffentlicht am ${day(article.publishedAt)}` : null,
          `Sprache ${article.language ?? "unbekannt"}`,
          article.format === "html" ? `aus HTML${article.originalFilename ? ` (${article.originalFilename})` : ""}` : article.originalFilename,
          `${article.text.length.toLocaleString("de-DE")} Zeichen`,
          `eingelesen am ${formatMoment(article.createdAt)}${article.createdBy ? ` von ${article.createdBy.name}` : ""}`,
        ]
          .filter(Boolean)
          .join(" · ")}
        {article.url && (
          <>
            {" · "}
            <a href={article.url} rel="noopener noreferrer nofollow">
              Original öffnen
            </a>
          </>
        )}
      </p>
      <ul className="admin-subnav">
        <li>
          Status: <strong>{ARTICLE_STATUS_LABELS[article.status]}</strong>
        </li>
        <li>
          Vorschläge: {count("proposed")} offen · {count("accepted")} angenommen · {count("rejected")} abgelehnt
        </li>
        <li>
          {article.source ? (
            <Link href={`/admin/sources/${article.source.id}`}>Quelle: {article.source.title}</Link>
          ) : (
            "Noch keine Quelle (sie entsteht mit der ersten Annahme)"
          )}
        </li>
        <li>
          <a href="#verlauf">Verlauf</a>
        </li>
      </ul>
      {ingested && <Notice>Der Artikel ist eingelesen. Prüfen Sie die Vorschläge.</Notice>}
      {article.sameText.length > 0 && (
        <p className="admin-notice">
          Derselbe Text wurde schon eingelesen:{" "}
          {article.sameText.map((a, i) => (
            <span key={a.id}>
              {i > 0 ? ", " : ""}
              <Link href={`/admin/articles/${a.id}`}>{a.title ?? "(ohne Titel)"}</Link> ({formatMoment(a.createdAt)})
            </span>
          ))}
          .
        </p>
      )}

      {editable && (
        <section className="review-actions" aria-label="Alle Vorschläge">
          <ActionForm action={extractArticleAction} hidden={{ id: article.id }} submitLabel="Extraktion erneut ausführen" className="admin-form admin-form--inline">
            <p className="field__hint">Schlägt nur vor, was noch nicht angenommen oder abgelehnt ist.</p>
          </ActionForm>
          {open.length > 0 && (
            <ActionForm action={acceptAllCandidatesAction} hidden={{ id: article.id }} submitLabel="Alle annehmen" className="admin-form admin-form--inline">
              <p className="field__hint">
                Nimmt alle {open.length} offenen Vorschläge an, wie sie vorgeschlagen sind. Zitate ohne Sprecher bleiben offen.
              </p>
              {newNames.length > 0 && (
                <Checkbox name="confirmNewSpeakers" idPrefix="all" label={`Neue Sprecher anlegen: ${newNames.map((n) => `„${n}“`).join(", ")}`} />
              )}
            </ActionForm>
          )}
        </section>
      )}

      <div className="article-review">
        <section className="article-review__text" aria-labelledby="article-text-heading">
          <h2 id="article-text-heading">Text</h2>
          <p className="muted">Markiert: offene Vorschläge (gelb), angenommene (grün). Ein Klick auf eine Markierung führt zum Vorschlag.</p>
          <ArticleText article={article} numbers={numbers} />
        </section>

        <section className="article-review__candidates" aria-labelledby="candidates-heading">
          <h2 id="candidates-heading">Vorschläge ({article.candidates.length})</h2>
          {article.candidates.length === 0 ? (
            <p className="empty-state">
              Keine Vorschläge. {editable ? "Führen Sie die Extraktion aus, oder erfassen Sie Zitate von Hand." : ""}
            </p>
          ) : (
            <ol className="candidate-list">
              {article.candidates.map((c) => (
                <CandidateItem key={c.id} c={c} n={numbers.get(c.id)!} article={article} editable={editable} />
              ))}
            </ol>
          )}
        </section>
      </div>

      <RecordHistory entityType="Article" entityId={article.id} fieldLabels={{ candidates: "Vorschläge", openCandidates: "Offene Vorschläge", sourceId: "Quelle" }} />
    </>
  );
}

function ArticleText({ article, numbers }: { article: ArticleForReview; numbers: Map<string, number> }) {
  const shown = article.candidates.filter((c) => c.status !== "rejected");
  const byId = new Map(shown.map((c) => [c.id, c]));
  const segments = segmentText(article.text, shown);
  const anchored = new Set<string>();
  return (
    <div className="article-text" tabIndex={0} role="region" aria-label="Artikeltext mit Markierungen">
      {segments.map((s, i) => {
        const inner = s.candidateIds[0] ? byId.get(s.candidateIds[0]) : undefined;
        if (!inner) return <span key={i}>{s.text}</span>;
        // The first piece of each candidate carries its anchor (the list links back to it).
        const anchors = s.candidateIds.filter((cid) => !anchored.has(cid));
        anchors.forEach((cid) => anchored.add(cid));
        return (
          <a
            key={i}
            href={`#vorschlag-${inner.id}`}
            className={`candidate-mark candidate-mark--${inner.status} candidate-mark--${inner.kind}`}
            title={`Vorschlag ${numbers.get(inner.id)}: ${CANDIDATE_KIND_LABELS[inner.kind]} (${CANDIDATE_STATUS_LABELS[inner.status]})`}
          >
            {anchors.map((cid) => (
              <span key={cid} id={`stelle-${cid}`} className="candidate-anchor" />
            ))}
            <mark data-candidate={inner.id} data-status={inner.status} data-depth={s.candidateIds.length}>
              {s.text}
            </mark>
          </a>
        );
      })}
    </div>
  );
}

function CandidateItem({ c, n, article, editable }: { c: ReviewCandidate; n: number; article: ArticleForReview; editable: boolean }) {
  const prefix = `k${n}`;
  const speaker = c.suggestedSpeakerId ? article.speakerNames.get(c.suggestedSpeakerId) : null;
  const heading = `${CANDIDATE_KIND_LABELS[c.kind]}${c.speechKind ? ` (${SPEECH_LABELS[c.speechKind]})` : ""}`;
  return (
    <li id={`vorschlag-${c.id}`} className={`candidate candidate--${c.status}`} data-status={c.status} data-kind={c.kind}>
      <p className="candidate__head">
        <strong>
          {n}. {heading}
        </strong>{" "}
        <span className={`candidate__status candidate__status--${c.status}`}>{CANDIDATE_STATUS_LABELS[c.status]}</span>
        {c.edited && <span className="muted"> · bearbeitet</span>}{" "}
        {c.status !== "rejected" && (
          <a href={`#stelle-${c.id}`} className="muted">
            Zeichen {c.start}–{c.end}
          </a>
        )}
        {c.status === "rejected" && (
          <span className="muted">
            Zeichen {c.start}–{c.end}
          </span>
        )}
      </p>
      <blockquote className="candidate__text">{c.text}</blockquote>
      {c.kind === "claim" && c.text !== c.words && <p className="muted">Im Text: „{c.words}“</p>}
      {c.kind === "quote" && (
        <p className="candidate__speaker">
          Sprecher:{" "}
          {/* The mention that attributes the words, then whom it refers to: „er“ → Wladimir Putin. */}
          {c.speakerMention && c.speakerMention !== (speaker ?? c.speakerName) ? <span className="candidate__mention">„{c.speakerMention}“ → </span> : null}
          {speaker ? (
            <strong>{speaker}</strong>
          ) : c.speakerName ? (
            <>
              <strong>{c.speakerName}</strong> <span className="candidate__new">(neu)</span>
            </>
          ) : (
            <em>unbekannt</em>
          )}
          {c.reportedByName && (
            <>
              {" · "}wiedergegeben von {c.reportedById ? article.speakerNames.get(c.reportedById) : `${c.reportedByName} (neu)`}
            </>
          )}
        </p>
      )}
      {c.kind === "claim" && c.quantityValue !== null && (
        <p className="candidate__quantity">
          Zahl: {c.quantityValue}
          {c.quantityUnit ? ` ${c.quantityUnit}` : ""}
        </p>
      )}

      {c.status === "accepted" && (
        <p className="candidate__decision">
          Angenommen{c.decidedBy ? ` von ${c.decidedBy}` : ""}
          {c.decidedAt ? ` am ${formatMoment(c.decidedAt)}` : ""}.{" "}
          {c.quoteId && <Link href={`/admin/quotes/${c.quoteId}`}>Zum Zitat</Link>}
          {c.claimId && <Link href={`/admin/claims/${c.claimId}`}>Zur Behauptung</Link>}
          {!c.quoteId && !c.claimId && <span className="muted">(inzwischen gelöscht)</span>}
        </p>
      )}
      {c.status === "rejected" && (
        <p className="candidate__decision">
          Abgelehnt{c.decidedBy ? ` von ${c.decidedBy}` : ""}
          {c.decidedAt ? ` am ${formatMoment(c.decidedAt)}` : ""}.
        </p>
      )}

      {c.status === "proposed" && editable && (
        <div className="candidate__forms">
          <ActionForm action={acceptCandidateAction} version={c.version} hidden={{ id: c.id }} submitLabel="Annehmen" className="admin-form candidate__accept">
            {c.kind === "quote" ? (
              <Select
                name="speakerId"
                idPrefix={prefix}
                label="Sprecher"
                defaultValue={c.suggestedSpeakerId ?? ""}
                emptyLabel={speaker ? `wie vorgeschlagen (${speaker})` : c.speakerName ? `Neu anlegen: „${c.speakerName}“` : "– bitte wählen –"}
                options={article.speakers}
              />
            ) : (
              <Select
                name="speakerId"
                idPrefix={prefix}
                label="Urheber (optional)"
                emptyLabel="– keiner, oder der Sprecher des Zitats, in dem die Behauptung steht –"
                options={article.speakers}
              />
            )}
            {c.newSpeakers.length > 0 && (
              <Checkbox
                name="confirmNewSpeaker"
                idPrefix={prefix}
                label={`Neu anlegen bestätigen: ${c.newSpeakers.map((s) => `„${s}“`).join(" und ")} (nur wenn oben kein vorhandener Sprecher gewählt ist)`}
              />
            )}
          </ActionForm>
          <ActionForm action={rejectCandidateAction} version={c.version} hidden={{ id: c.id }} submitLabel="Ablehnen" className="admin-form candidate__reject" />
          <details className="candidate__edit">
            <summary>Bearbeiten</summary>
            <ActionForm action={editCandidateAction} version={c.version} hidden={{ id: c.id }} submitLabel="Änderungen speichern">
              <div className="candidate__offsets">
                <TextField name="start" idPrefix={prefix} label="Anfang (Zeichen)" type="number" min={0} defaultValue={String(c.start)} required />
                <TextField name="end" idPrefix={prefix} label="Ende (Zeichen, exklusiv)" type="number" min={0} defaultValue={String(c.end)} required />
              </div>
              <TextArea
                name="text"
                idPrefix={prefix}
                label="Text"
                rows={3}
                defaultValue={c.text}
                hint={
                  c.kind === "quote"
                    ? "Leer lassen: der Text der Stelle. Wörtliche Zitate müssen genau so im Artikel stehen; indirekte Rede darf abweichen."
                    : "Die Behauptung in neutralen Worten; leer lassen: der Text der Stelle."
                }
              />
              {c.kind === "quote" && (
                <>
                  <Select
                    name="speechKind"
                    idPrefix={prefix}
                    label="Art der Rede"
                    required
                    defaultValue={c.speechKind ?? "direct"}
                    options={[
                      { value: "direct", label: "Direkte Rede (wörtlich)" },
                      { value: "indirect", label: "Indirekte Rede" },
                    ]}
                  />
                  <Select
                    name="speakerId"
                    idPrefix={`${prefix}-edit`}
                    label="Sprecher"
                    defaultValue={c.speakerId ?? ""}
                    emptyLabel={c.speakerName ? `Neu: „${c.speakerName}“` : "– keiner –"}
                    options={article.speakers}
                  />
                  <TextField
                    name="newSpeakerName"
                    idPrefix={prefix}
                    label="Oder neuer Sprecher (Name)"
                    maxLength={200}
                    hint="Angelegt wird er erst beim Annehmen, nach Bestätigung."
                  />
                </>
              )}
            </ActionForm>
          </details>
        </div>
      )}
    </li>
  );
}

// The review screen of an ingested article: its stored text with every open or accepted
// candidate highlighted (each highlight links to the candidate in the list, each candidate
// back to its place in the text), and per candidate: accept (with the speaker, a new one only
// after confirmation), edit (text, speaker, span, kind of speech) or reject; all open ones can
// be accepted at once, and the extraction can run again (it proposes nothing decided).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { Checkbox, Select, TextArea, TextField } from "@/components/admin/Fields";
import { Moment } from "@/components/admin/Moment";
import { Notice } from "@/components/admin/PageHeader";
import { RecordHistory } from "@/components/admin/RecordHistory";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentLocale } from "@/lib/desk-i18n";
import { formatDay } from "@/lib/messages";
import {
  getArticleForReview,
  segmentText,
  type ArticleForReview,
  type ReviewCandidate,
} from "@/lib/editorial/articles";
import { acceptAllCandidatesAction, acceptCandidateAction, editCandidateAction, extractArticleAction, rejectCandidateAction } from "../actions";
import "../../editorial.css";
import "../articles.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.article");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

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
  const [t, locale] = await Promise.all([getTranslations("desk.article"), currentLocale()]);

  return (
    <>
      <p>
        <Link href="/admin/articles">{t("back")}</Link>
      </p>
      <h1 lang={article.language ?? undefined}>{article.title ?? t("untitled")}</h1>
      <p className="muted">
        {[
          article.publisher,
          article.publishedAt ? t("publishedOn", { date: formatDay(article.publishedAt, locale, "calendar") }) : null,
          t("language", { language: article.language ?? t("unknownLanguage") }),
          article.format === "html" ? (article.originalFilename ? t("fromHtmlFile", { file: article.originalFilename }) : t("fromHtml")) : article.originalFilename,
          t("chars", { count: article.text.length }),
        ]
          .filter(Boolean)
          .join(" · ")}
        {" · "}
        {article.createdBy ? t("ingestedBy", { name: article.createdBy.name }) : t("ingestedOn")} <Moment date={article.createdAt} />
        {article.url && (
          <>
            {" · "}
            <a href={article.url} rel="noopener noreferrer nofollow">
              {t("openOriginal")}
            </a>
          </>
        )}
      </p>
      <ul className="admin-subnav">
        <li>
          {t("status")} <strong>{t(`statusName.${article.status}`)}</strong>
        </li>
        <li>{t("candidateCounts", { open: count("proposed"), accepted: count("accepted"), rejected: count("rejected") })}</li>
        <li>
          {article.source ? (
            <Link href={`/admin/sources/${article.source.id}`}>
              {t.rich("source", { title: article.source.title, content: (chunks) => <span translate="no" lang={article.language ?? undefined}>{chunks}</span> })}
            </Link>
          ) : (
            t("noSource")
          )}
        </li>
        <li>
          <a href="#verlauf">{t("history")}</a>
        </li>
      </ul>
      {ingested && <Notice>{t("ingested")}</Notice>}
      {article.sameText.length > 0 && (
        <p className="admin-notice">
          {t("sameText")}{" "}
          {article.sameText.map((a, i) => (
            <span key={a.id}>
              {i > 0 ? ", " : ""}
              <Link href={`/admin/articles/${a.id}`}>{a.title ?? t("untitled")}</Link> (<Moment date={a.createdAt} />)
            </span>
          ))}
          .
        </p>
      )}

      {editable && (
        <section className="review-actions" aria-label={t("allCandidates")}>
          <ActionForm action={extractArticleAction} hidden={{ id: article.id }} submitLabel={t("extractAgain")} className="admin-form admin-form--inline">
            <p className="field__hint">{t("extractAgainHint")}</p>
          </ActionForm>
          {open.length > 0 && (
            <ActionForm action={acceptAllCandidatesAction} hidden={{ id: article.id }} submitLabel={t("acceptAll")} className="admin-form admin-form--inline">
              <p className="field__hint">{t("acceptAllHint", { count: open.length })}</p>
              {newNames.length > 0 && (
                <Checkbox name="confirmNewSpeakers" idPrefix="all" label={t("createSpeakers", { names: newNames.map((n) => t("quoted", { text: n })).join(", ") })} />
              )}
            </ActionForm>
          )}
        </section>
      )}

      <div className="article-review">
        <section className="article-review__text" aria-labelledby="article-text-heading">
          <h2 id="article-text-heading">{t("text")}</h2>
          <p className="muted">{t("textHint")}</p>
          <ArticleText article={article} numbers={numbers} />
        </section>

        <section className="article-review__candidates" aria-labelledby="candidates-heading">
          <h2 id="candidates-heading">{t("candidatesCount", { count: article.candidates.length })}</h2>
          {article.candidates.length === 0 ? (
            <p className="empty-state">{editable ? t("noCandidatesEditable") : t("noCandidates")}</p>
          ) : (
            <ol className="candidate-list">
              {article.candidates.map((c) => (
                <CandidateItem key={c.id} c={c} n={numbers.get(c.id)!} article={article} editable={editable} />
              ))}
            </ol>
          )}
        </section>
      </div>

      <RecordHistory entityType="Article" entityId={article.id} />
    </>
  );
}

async function ArticleText({ article, numbers }: { article: ArticleForReview; numbers: Map<string, number> }) {
  const t = await getTranslations("desk.article");
  const shown = article.candidates.filter((c) => c.status !== "rejected");
  const byId = new Map(shown.map((c) => [c.id, c]));
  const segments = segmentText(article.text, shown);
  const anchored = new Set<string>();
  return (
    <div className="article-text" tabIndex={0} role="region" aria-label={t("textLabel")} lang={article.language ?? undefined}>
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
            title={t("markTitle", { n: numbers.get(inner.id) ?? 0, kind: t(`kind.${inner.kind}`), status: t(`candidateStatus.${inner.status}`) })}
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

async function CandidateItem({ c, n, article, editable }: { c: ReviewCandidate; n: number; article: ArticleForReview; editable: boolean }) {
  const t = await getTranslations("desk.article");
  const prefix = `k${n}`;
  const speaker = c.suggestedSpeakerId ? article.speakerNames.get(c.suggestedSpeakerId) : null;
  const heading = c.speechKind ? t("headingSpeech", { kind: t(`kind.${c.kind}`), speech: t(`speech.${c.speechKind}`) }) : t(`kind.${c.kind}`);
  return (
    <li id={`vorschlag-${c.id}`} className={`candidate candidate--${c.status}`} data-status={c.status} data-kind={c.kind}>
      <p className="candidate__head">
        <strong>
          {n}. {heading}
        </strong>{" "}
        <span className={`candidate__status candidate__status--${c.status}`}>{t(`candidateStatus.${c.status}`)}</span>
        {c.edited && <span className="muted"> · {t("edited")}</span>}{" "}
        {c.status !== "rejected" && (
          <a href={`#stelle-${c.id}`} className="muted">
            {t("charsRange", { start: String(c.start), end: String(c.end) })}
          </a>
        )}
        {c.status === "rejected" && <span className="muted">{t("charsRange", { start: String(c.start), end: String(c.end) })}</span>}
      </p>
      <blockquote className="candidate__text" lang={article.language ?? undefined}>
        {c.text}
      </blockquote>
      {c.kind === "claim" && c.text !== c.words && (
        <p className="muted">
          {t("inTextLabel")} <span lang={article.language ?? undefined}>{t("quoted", { text: c.words })}</span>
        </p>
      )}
      {c.kind === "quote" && (
        <p className="candidate__speaker">
          {t("speakerLabel")}{" "}
          {/* The mention that attributes the words, then whom it refers to: „er“ → Wladimir Putin. */}
          {c.speakerMention && c.speakerMention !== (speaker ?? c.speakerName) ? <span className="candidate__mention" translate="no">{t("quoted", { text: c.speakerMention })} → </span> : null}
          {speaker ? (
            <strong>{speaker}</strong>
          ) : c.speakerName ? (
            <>
              <strong>{c.speakerName}</strong> <span className="candidate__new">{t("new")}</span>
            </>
          ) : (
            <em>{t("unknownSpeaker")}</em>
          )}
          {c.reportedByName && (
            <>
              {" · "}
              {t("reportedBy", { name: c.reportedById ? (article.speakerNames.get(c.reportedById) ?? c.reportedByName) : t("newName", { name: c.reportedByName }) })}
            </>
          )}
        </p>
      )}
      {c.kind === "claim" && c.quantityValue !== null && (
        <p className="candidate__quantity">
          {t("quantity")} {c.quantityValue}
          {c.quantityUnit ? ` ${c.quantityUnit}` : ""}
        </p>
      )}

      {c.status === "accepted" || c.status === "rejected" ? (
        <p className="candidate__decision">
          {t(c.status === "accepted" ? "acceptedBy" : "rejectedBy", { name: c.decidedBy ?? "–" })}
          {c.decidedAt ? (
            <>
              {" "}
              {t("decidedOn")} <Moment date={c.decidedAt} />
            </>
          ) : null}
          .{" "}
          {c.status === "accepted" && c.quoteId && <Link href={`/admin/quotes/${c.quoteId}`}>{t("toQuote")}</Link>}
          {c.status === "accepted" && c.claimId && <Link href={`/admin/claims/${c.claimId}`}>{t("toClaim")}</Link>}
          {c.status === "accepted" && !c.quoteId && !c.claimId && <span className="muted">{t("deletedSince")}</span>}
        </p>
      ) : null}

      {c.status === "proposed" && editable && (
        <div className="candidate__forms">
          <ActionForm action={acceptCandidateAction} version={c.version} hidden={{ id: c.id }} submitLabel={t("accept")} className="admin-form candidate__accept">
            {c.kind === "quote" ? (
              <Select
                name="speakerId"
                idPrefix={prefix}
                label={t("speaker")}
                defaultValue={c.suggestedSpeakerId ?? ""}
                emptyLabel={speaker ? t("asProposed", { name: speaker }) : c.speakerName ? t("createNamed", { name: c.speakerName }) : t("pleaseChoose")}
                options={article.speakers}
              />
            ) : (
              <Select name="speakerId" idPrefix={prefix} label={t("claimant")} emptyLabel={t("claimantNone")} options={article.speakers} />
            )}
            {c.newSpeakers.length > 0 && (
              <Checkbox
                name="confirmNewSpeaker"
                idPrefix={prefix}
                label={t("confirmNew", { names: c.newSpeakers.map((name) => t("quoted", { text: name })).join(t("and")) })}
              />
            )}
          </ActionForm>
          <ActionForm action={rejectCandidateAction} version={c.version} hidden={{ id: c.id }} submitLabel={t("reject")} className="admin-form candidate__reject" />
          <details className="candidate__edit">
            <summary>{t("edit")}</summary>
            <ActionForm action={editCandidateAction} version={c.version} hidden={{ id: c.id }} submitLabel={t("saveChanges")}>
              <div className="candidate__offsets">
                <TextField name="start" idPrefix={prefix} label={t("start")} type="number" min={0} defaultValue={String(c.start)} required />
                <TextField name="end" idPrefix={prefix} label={t("end")} type="number" min={0} defaultValue={String(c.end)} required />
              </div>
              <TextArea name="text" idPrefix={prefix} label={t("textField")} rows={3} defaultValue={c.text} hint={t(c.kind === "quote" ? "textHintQuote" : "textHintClaim")} />
              {c.kind === "quote" && (
                <>
                  <Select
                    name="speechKind"
                    idPrefix={prefix}
                    label={t("speechKind")}
                    required
                    defaultValue={c.speechKind ?? "direct"}
                    options={[
                      { value: "direct", label: t("speechDirect") },
                      { value: "indirect", label: t("speechIndirect") },
                    ]}
                  />
                  <Select
                    name="speakerId"
                    idPrefix={`${prefix}-edit`}
                    label={t("speaker")}
                    defaultValue={c.speakerId ?? ""}
                    emptyLabel={c.speakerName ? t("newNamed", { name: c.speakerName }) : t("noneOption")}
                    options={article.speakers}
                  />
                  <TextField name="newSpeakerName" idPrefix={prefix} label={t("newSpeakerName")} maxLength={200} hint={t("newSpeakerHint")} />
                </>
              )}
            </ActionForm>
          </details>
        </div>
      )}
    </li>
  );
}

// The left column of the claim workspace: the stored text of the source the claim's passages or
// its quotes come from (lib/editorial/workspace.ts claimSourceText), with those passages marked,
// in a box that scrolls on its own while the column stays in place (claims.css). Several
// sources: links choose the one shown (?source=). On a narrow screen it stands above the tabs
// and folds away (<details>). No source, or a source without stored text: a notice says so.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SourceText } from "@/components/admin/SourceText";
import type { ClaimSourceText, WorkspaceTab } from "@/lib/editorial/workspace";
import { workspaceHref } from "./href";

export async function ClaimSource({
  claimId,
  tab,
  source,
  target,
}: {
  claimId: string;
  tab: WorkspaceTab;
  source: ClaimSourceText;
  /** The form of the open tab that takes a selected passage (none: no button). */
  target: "claim" | "evidence" | null;
}) {
  const t = await getTranslations("desk.workspace.source");
  const { sources, shown } = source;
  const marked = shown?.segments.some((s) => s.marks.length > 0) ?? false;
  const kinds = new Set(shown?.ranges.map((r) => r.kind));

  return (
    <section className="workspace__source" aria-labelledby="source-heading">
      <details open className="workspace__source-details">
        <summary>
          <h2 id="source-heading">{t("heading")}</h2>
        </summary>
        {sources.length > 1 ? (
          <nav aria-label={t("choose")}>
            <ul className="workspace__sources">
              {sources.map((s) => (
                <li key={s.id}>
                  <Link
                    href={workspaceHref(claimId, tab, { source: s.id })}
                    scroll={false}
                    prefetch={false}
                    aria-current={s.id === shown?.id ? "true" : undefined}
                    translate="no"
                  >
                    {s.title}
                  </Link>{" "}
                  <span className="muted">
                    {[s.passages ? t("passageCount", { count: s.passages }) : null, s.quotes ? t("quoteCount", { count: s.quotes }) : null].filter(Boolean).join(", ")}
                  </span>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {shown === null ? (
          <p className="empty-state">{t("none")}</p>
        ) : (
          <>
            <p className="workspace__source-title">
              <Link href={`/admin/sources/${shown.id}`} id="source-title" lang={shown.language} translate="no">
                {shown.title}
              </Link>
              {shown.publisher ? (
                <span className="muted">
                  {" ("}
                  <span translate="no">{shown.publisher}</span>)
                </span>
              ) : null}
            </p>
            {shown.text === null ? (
              <p className="empty-state">
                {t("noText")} <Link href={`/admin/sources/${shown.id}`}>{t("addText")}</Link>
              </p>
            ) : (
              <>
                {marked ? (
                  <p className="workspace__legend">
                    {t("legend")}{" "}
                    {kinds.has("passage") ? <mark className="source-mark--passage">{t("legendPassage")}</mark> : null}
                    {kinds.has("passage") && kinds.has("quote") ? " " : null}
                    {kinds.has("quote") ? <mark className="source-mark--quote">{t("legendQuote")}</mark> : null}
                  </p>
                ) : (
                  <p className="muted">{t("noMarks")}</p>
                )}
                <SourceText sourceId={shown.id} language={shown.language} text={shown.text} segments={shown.segments} target={target} describedBy="source-title" />
              </>
            )}
          </>
        )}
      </details>
    </section>
  );
}

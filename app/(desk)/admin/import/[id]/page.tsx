import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { ConfirmImportForm } from "@/components/admin/ConfirmImportForm";
import { ImportProgress } from "@/components/admin/ImportProgress";
import { ImportText } from "@/components/admin/ImportText";
import { Moment } from "@/components/admin/Moment";
import { TableScroll } from "@/components/admin/TableScroll";
import { Pagination } from "@/components/Pagination";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentLocale, getMessageText } from "@/lib/desk-i18n";
import { listHref, optionalChoice, pageParam, type SearchParams } from "@/lib/editorial/listing";
import { formatNumber } from "@/lib/format";
import { IMPORT_FORMATS, resultMessage, type ImportFormat } from "@/lib/import";
import { ACTION_ORDER, PREVIEW_PAGE_SIZE, getImportBatch, previewRows, unknownClaimants } from "@/lib/import/stage";
import { cancelImportAction, confirmImportAction } from "../actions";
import "../../editorial.css";
import "../import.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.import");
  return { title: t("title") };
}

const CLAIMANTS_SHOWN = 200;

const isFormat = (format: string): format is ImportFormat => (IMPORT_FORMATS as readonly string[]).includes(format);

export default async function ImportBatchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const user = await requirePermission("import.run", `/admin/import/${id}`);
  const batch = id.length <= 64 ? await getImportBatch(id) : null;
  if (!batch) notFound();
  const query = await searchParams;
  const action = optionalChoice(query, "action", ACTION_ORDER);
  const page = pageParam(query);
  const [{ rows, total }, claimants, t, text, locale] = await Promise.all([
    previewRows(batch.id, { action, page }),
    batch.status === "previewed" ? unknownClaimants(batch.id, CLAIMANTS_SHOWN + 1) : Promise.resolve([]),
    getTranslations("desk.import"),
    getMessageText(),
    currentLocale(),
  ]);
  const path = `/admin/import/${batch.id}`;
  const toWrite = batch.counts.create + batch.counts.update;
  const own = batch.kind === "own";
  const mayConfirm = own ? can(user.role, "import.publish") && batch.createdBy?.id !== user.id : true;
  const status = batch.stalled ? "stalled" : (batch.status as "reading" | "previewed" | "importing" | "done" | "failed" | "cancelled");
  const recordHref = (resultId: string) => (own ? `/admin/claims/${resultId}` : `/admin/external-checks/${resultId}`);
  const number = (n: number) => formatNumber(n, locale);
  const content = (chunks: ReactNode) => <span translate="no">{chunks}</span>;

  return (
    <>
      <p>
        <Link href="/admin/import">{t("back")}</Link>
      </p>
      <h1>{batch.filename === null ? `${t("title")}: ${t("unnamed")}` : t.rich("batchHeading", { name: batch.filename, content })}</h1>
      <dl className="facts">
        <dt>{t("kind")}</dt>
        <dd>{t(`kindName.${batch.kind}`)}</dd>
        <dt>{t("format")}</dt>
        <dd>{batch.format ? (isFormat(batch.format) ? t(`formatName.${batch.format}`) : batch.format) : "–"}</dd>
        <dt>{t("status")}</dt>
        <dd>{t(`state.${status}`)}</dd>
        <dt>{t("uploaded")}</dt>
        <dd>
          <Moment date={batch.createdAt} /> {t("byName", { name: batch.createdBy?.name ?? "–" })}
          {batch.bytes ? ` ${t("size", { size: formatNumber(Math.round((batch.bytes / 2 ** 20) * 10) / 10, locale) })}` : ""}
        </dd>
        {batch.confirmedAt ? (
          <>
            <dt>{t("confirmed")}</dt>
            <dd>
              <Moment date={batch.confirmedAt} /> {t("byName", { name: batch.confirmedBy?.name ?? "–" })}
              {batch.allOrNothing ? ` ${t("allOrNothing")}` : ""}
            </dd>
          </>
        ) : null}
      </dl>

      {batch.error ? (
        <div role="alert" className="form-status form-status--error">
          <p>
            <ImportText value={batch.error} text={text} />
          </p>
        </div>
      ) : null}
      {(batch.status === "reading" || batch.status === "importing") && !batch.stalled ? (
        <ImportProgress id={batch.id} status={batch.status} processed={batch.processed} total={batch.total} />
      ) : null}
      {batch.result ? (
        <p role="status">
          {t("result", { result: text(resultMessage({ ...batch.result, linksToReapprove: 0 })) })}
          {batch.result.linksToReapprove ? (
            <>
              {" "}
              {t.rich("reapprove", { count: batch.result.linksToReapprove, review: (chunks) => <Link href="/admin/review">{chunks}</Link> })}
            </>
          ) : null}
        </p>
      ) : null}

      <h2>{t("preview")}</h2>
      <ul className="import-counts">
        <li>
          <Link href={path} aria-current={action === undefined ? "page" : undefined}>
            {t("all", { count: number(batch.total) })}
          </Link>
        </li>
        {ACTION_ORDER.map((a) => (
          <li key={a}>
            <Link href={listHref(path, {}, { action: a })} aria-current={action === a ? "page" : undefined}>
              {t("actionCount", { label: t(`action.${a}`), count: number(batch.counts[a]) })}
            </Link>
          </li>
        ))}
      </ul>
      {batch.notes.map((note, i) => (
        <p key={i} className="muted">
          <ImportText value={note} text={text} />
        </p>
      ))}

      {batch.status === "previewed" || (batch.stalled && batch.status === "importing") ? (
        toWrite === 0 ? (
          <p>{t("nothingToImport")}</p>
        ) : mayConfirm ? (
          <ConfirmImportForm
            action={confirmImportAction}
            batchId={batch.id}
            version={batch.version}
            total={toWrite}
            unknownClaimants={claimants.slice(0, CLAIMANTS_SHOWN)}
            moreClaimants={claimants.length > CLAIMANTS_SHOWN}
            hasInvalid={batch.counts.invalid > 0}
            submitLabel={own ? t("publishOwn", { count: number(toWrite) }) : batch.stalled ? t("resume") : t("importExternal", { count: number(toWrite) })}
          />
        ) : (
          <p className="notice">{t("ownNeedsAdmin")}</p>
        )
      ) : null}
      {batch.status === "previewed" || (batch.stalled && batch.status === "reading") ? (
        <ActionForm action={cancelImportAction} hidden={{ batchId: batch.id }} version={batch.version} submitLabel={t("discard")} confirm={t("discardConfirm")} />
      ) : null}

      {total === 0 ? (
        <p className="muted">{action ? t("noRowsOf", { label: t(`action.${action}`) }) : t("noRows")}</p>
      ) : (
        <TableScroll label={t("rows")}>
          <table className="admin-table">
            <caption className="visually-hidden">{t("rowsCaption", { page })}</caption>
            <thead>
              <tr>
                <th scope="col" className="number">
                  {t("line")}
                </th>
                <th scope="col">{t("outcome")}</th>
                <th scope="col">{t("claim")}</th>
                <th scope="col">{t("publisher")}</th>
                <th scope="col">{t("rating")}</th>
                <th scope="col">{t("claimant")}</th>
                <th scope="col">{t("why")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.position}>
                  <td className="number">{r.line ?? "–"}</td>
                  <td>
                    {r.resultId ? <Link href={recordHref(r.resultId)}>{t(`action.${r.action}`)}</Link> : t(`action.${r.action}`)}
                    {r.done ? " ✓" : ""}
                  </td>
                  <td translate="no">{r.claimText ? (r.claimText.length > 160 ? `${r.claimText.slice(0, 160)} …` : r.claimText) : "–"}</td>
                  <td translate="no">{r.publisher ?? "–"}</td>
                  <td translate="no">{r.rating ?? "–"}</td>
                  <td>
                    <span translate="no">{r.claimant ?? "–"}</span>
                    {r.speaker ? (
                      <>
                        {" → "}
                        <Link href={`/admin/speakers/${r.speaker.id}`} translate="no">
                          {r.speaker.name}
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td>{r.message ? <ImportText value={r.message} text={text} /> : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page} pageCount={Math.max(1, Math.ceil(total / PREVIEW_PAGE_SIZE))} href={(p) => listHref(path, query, { page: p > 1 ? p : undefined })} locale={locale} />
    </>
  );
}

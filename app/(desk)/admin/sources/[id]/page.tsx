import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeleteSection } from "@/components/admin/DeleteSection";
import { Moment } from "@/components/admin/Moment";
import { Notice } from "@/components/admin/PageHeader";
import { RecordHistory } from "@/components/admin/RecordHistory";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { publicClaimsWithSource } from "@/lib/editorial/publication";
import { getSourceForEdit } from "@/lib/editorial/sources";
import { deleteSourceAction, updateSourceAction } from "../actions";
import { SourceForm } from "../SourceForm";
import "../../editorial.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.source");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SourceEditPage({ params, searchParams }: Props) {
  const user = await requirePermission("desk.view", `/admin/sources/${encodeURIComponent((await params).id)}`);
  const { id } = await params;
  const source = await getSourceForEdit(id);
  if (!source) notFound();
  const created = (await searchParams).angelegt !== undefined;
  const [publicClaims, tp, t, kindName] = await Promise.all([
    publicClaimsWithSource(source.id),
    getTranslations("publication"),
    getTranslations("desk.source"),
    getTranslations("desk.sourceKind"),
  ]);
  const c = source.counts;
  // Offsets into the stored text (a change of the text must keep them valid).
  const passages = c.appearances + c.passages + c.evidence;
  // The delete rule is the domain's (lib/editorial/sources.ts): the page only says it.
  const uses = source.uses;

  return (
    <>
      <p>
        <Link href="/admin/sources">{t("back")}</Link>
      </p>
      <h1 lang={source.language}>{source.title}</h1>
      <p className="muted">
        {kindName(source.kind)}
        {source.publisher ? ` · ${source.publisher}` : ""}
        {source.url && (
          <>
            {" · "}
            <a href={source.url} rel="noopener noreferrer nofollow">
              {t("openOriginal")}
            </a>
          </>
        )}
      </p>
      <ul className="admin-subnav">
        <li>
          <Link href={`/admin/quotes?source=${source.id}`}>{t("quotes", { count: c.appearances })}</Link>
        </li>
        {source.snapshotText !== null && can(user.role, "record.edit") && (
          <li>
            <Link href={`/admin/quotes/new?sourceId=${source.id}`}>{t("newQuote")}</Link>
          </li>
        )}
        <li>{t("uses", { passages: c.passages, evidence: c.evidence })}</li>
        <li>
          <a href="#verlauf">{t("history")}</a>
        </li>
      </ul>
      {source.contentHash && (
        <p className="muted">
          {t("stored", { count: source.snapshotText?.length ?? 0 })}
          {source.snapshotAt ? (
            <>
              , {t("storedOn")} <Moment date={source.snapshotAt} />
            </>
          ) : null}
          . SHA-256: <code>{source.contentHash}</code>
        </p>
      )}
      {created && <Notice>{t("created")}</Notice>}
      {publicClaims > 0 && <p className="field__hint">{tp("sharedRecord", { count: publicClaims })}</p>}

      {can(user.role, "record.edit") ? (
        <SourceForm action={updateSourceAction} source={source} passages={passages} submitLabel={t("save")} />
      ) : (
        <p>{t("readOnly")}</p>
      )}

      {can(user.role, "record.delete") && (
        <DeleteSection
          heading={t("delete")}
          form={{ action: deleteSourceAction, id: source.id, version: source.version, submitLabel: t("delete"), confirm: t("deleteConfirm", { title: source.title }) }}
        >
          {uses > 0 ? <p>{t("deleteInUse", { count: uses })}</p> : <p>{t("deleteExplain")}</p>}
        </DeleteSection>
      )}

      <RecordHistory entityType="Source" entityId={source.id} />
    </>
  );
}

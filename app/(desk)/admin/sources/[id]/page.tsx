import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeleteSection } from "@/components/admin/DeleteSection";
import { formatMoment } from "@/components/admin/Moment";
import { Notice } from "@/components/admin/PageHeader";
import { RecordHistory } from "@/components/admin/RecordHistory";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { publicClaimsWithSource } from "@/lib/editorial/publication";
import { SOURCE_KIND_LABELS, getSourceForEdit } from "@/lib/editorial/sources";
import { deleteSourceAction, updateSourceAction } from "../actions";
import { SourceForm } from "../SourceForm";
import "../../editorial.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Quelle bearbeiten" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SourceEditPage({ params, searchParams }: Props) {
  const user = await requirePermission("desk.view", `/admin/sources/${encodeURIComponent((await params).id)}`);
  const { id } = await params;
  const source = await getSourceForEdit(id);
  if (!source) notFound();
  const created = (await searchParams).angelegt !== undefined;
  const [publicClaims, tp] = await Promise.all([publicClaimsWithSource(source.id), getTranslations({ locale: "de", namespace: "publication" })]);
  const c = source.counts;
  const passages = c.appearances + c.passages + c.evidence;
  const uses = passages + c.articles;

  return (
    <>
      <p>
        <Link href="/admin/sources">← Alle Quellen</Link>
      </p>
      <h1>{source.title}</h1>
      <p className="muted">
        {SOURCE_KIND_LABELS[source.kind]}
        {source.publisher ? ` · ${source.publisher}` : ""}
        {source.url && (
          <>
            {" · "}
            <a href={source.url} rel="noopener noreferrer nofollow">
              Original öffnen
            </a>
          </>
        )}
      </p>
      <ul className="admin-subnav">
        <li>
          <Link href={`/admin/quotes?source=${source.id}`}>Zitate aus dieser Quelle ({c.appearances})</Link>
        </li>
        {source.snapshotText !== null && can(user.role, "record.edit") && (
          <li>
            <Link href={`/admin/quotes/new?sourceId=${source.id}`}>Neues Zitat aus dieser Quelle</Link>
          </li>
        )}
        <li>
          Behauptungs-Textstellen: {c.passages} · Belege: {c.evidence}
        </li>
        <li>
          <a href="#verlauf">Verlauf</a>
        </li>
      </ul>
      {source.contentHash && (
        <p className="muted">
          Gespeicherter Text: {source.snapshotText?.length.toLocaleString("de-DE")} Zeichen
          {source.snapshotAt ? `, gespeichert am ${formatMoment(source.snapshotAt)}` : ""}. SHA-256: <code>{source.contentHash}</code>
        </p>
      )}
      {created && <Notice>Die Quelle wurde angelegt.</Notice>}
      {publicClaims > 0 && <p className="field__hint">{tp("sharedRecord", { count: publicClaims })}</p>}

      {can(user.role, "record.edit") ? (
        <SourceForm action={updateSourceAction} source={source} passages={passages} submitLabel="Speichern" />
      ) : (
        <p>Sie können diese Quelle ansehen, aber nicht bearbeiten.</p>
      )}

      {can(user.role, "record.delete") && (
        <DeleteSection
          heading="Quelle löschen"
          form={{ action: deleteSourceAction, id: source.id, version: source.version, submitLabel: "Quelle löschen", confirm: `„${source.title}“ wirklich löschen?` }}
        >
          {uses > 0 ? (
            <p>
              Solange Zitate, Behauptungen, Belege oder eingelesene Artikel auf die Quelle verweisen, kann sie nicht gelöscht werden ({uses}{" "}
              {uses === 1 ? "Verweis" : "Verweise"}).
            </p>
          ) : (
            <p>Die Quelle wird mit ihrem gespeicherten Text gelöscht. Der Verlauf bleibt erhalten.</p>
          )}
        </DeleteSection>
      )}

      <RecordHistory entityType="Source" entityId={source.id} />
    </>
  );
}

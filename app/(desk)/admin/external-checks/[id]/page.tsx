import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/ActionForm";
import { Checkbox, Select, TextField } from "@/components/admin/Fields";
import { ExternalLinkStatus } from "@/components/admin/ExternalLinkStatus";
import { Moment } from "@/components/admin/Moment";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { STATUS_LABELS } from "@/lib/editorial/claims";
import { speakerOptions } from "@/lib/editorial/speakers";
import { getExternalCheck } from "@/lib/external-checks";
import { approveLinkAction, linkClaimAction, setSpeakerAction, unlinkClaimAction } from "../actions";
import "../../editorial.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Externer Faktencheck" };

export default async function ExternalCheckPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("desk.view", `/admin/external-checks/${id}`);
  const check = await getExternalCheck(id);
  if (!check) notFound();
  const mayLink = can(user.role, "external.link");
  const speakers = mayLink ? await speakerOptions() : [];
  const rating = [check.textualRating, check.ratingValue !== null ? `${check.ratingValue}${check.bestRating !== null ? ` von ${check.bestRating}` : ""}${check.worstRating !== null ? ` (schlechteste ${check.worstRating})` : ""}` : null]
    .filter(Boolean)
    .join(" · ");

  return (
    <>
      <p>
        <Link href="/admin/external-checks">← Alle externen Faktenchecks</Link>
      </p>
      <h1 lang={check.language ?? undefined}>{check.claimText}</h1>
      <p className="muted">Ein Faktencheck von {check.publisherName}: seine Bewertung ist die des Herausgebers, nicht unsere.</p>
      <dl className="facts">
        <dt>Herausgeber</dt>
        <dd>
          {check.publisherName}
          {check.publisherSite ? ` (${check.publisherSite})` : ""}
        </dd>
        {check.title ? (
          <>
            <dt>Titel</dt>
            <dd lang={check.language ?? undefined}>{check.title}</dd>
          </>
        ) : null}
        <dt>Adresse</dt>
        <dd>
          {check.url ? (
            <a href={check.url} rel="nofollow noopener noreferrer external">
              {check.url}
            </a>
          ) : (
            "–"
          )}
        </dd>
        <dt>Bewertung dort</dt>
        <dd lang={check.language ?? undefined}>{rating || "–"}</dd>
        <dt>Urheber (laut Herausgeber)</dt>
        <dd>{check.claimantName ?? "–"}</dd>
        <dt>Unser Sprecher</dt>
        <dd>{check.speaker ? <Link href={`/admin/speakers/${check.speaker.id}`}>{check.speaker.name}</Link> : "keiner zugeordnet"}</dd>
        <dt>Geäußert am</dt>
        <dd>{check.claimDate ? check.claimDate.toISOString().slice(0, 10) : "–"}</dd>
        <dt>Geprüft am</dt>
        <dd>
          <Moment date={check.reviewDate} />
        </dd>
        <dt>Sprache</dt>
        <dd>{check.language ?? "–"}</dd>
        <dt>Importiert</dt>
        <dd>
          {check.importBatch ? <Link href={`/admin/import/${check.importBatch.id}`}>{check.importBatch.filename ?? "Import"}</Link> : "–"}
          {", "}
          <Moment date={check.createdAt} />
        </dd>
      </dl>

      <h2>Mit unseren Behauptungen verknüpft</h2>
      <p className="muted">
        Die öffentliche Seite einer Behauptung zeigt eine Verknüpfung erst, wenn eine zweite Person sie freigegeben hat, und genau so, wie sie
        freigegeben wurde: Ändert ein Import den Faktencheck, bleibt die Seite bei der freigegebenen Fassung, bis die neue freigegeben ist.
      </p>
      {check.links.length === 0 ? <p className="muted">Noch mit keiner.</p> : null}
      <ul className="item-list">
        {check.links.map((link) => (
          <li key={link.claim.id}>
            <Link href={`/admin/claims/${link.claim.id}`}>{link.claim.text}</Link> <span className="muted">({STATUS_LABELS[link.claim.status]})</span>
            <ExternalLinkStatus link={link} user={user} actions={{ approve: approveLinkAction, unlink: unlinkClaimAction }} />
          </li>
        ))}
      </ul>
      {mayLink ? (
        <ActionForm action={linkClaimAction} hidden={{ externalCheckId: check.id }} submitLabel="Verknüpfen" resetOnSuccess>
          <TextField
            name="claim"
            label="Unsere Behauptung"
            required
            maxLength={500}
            hint="Ihre Kurzadresse, ihre ID oder die Adresse ihrer Seite (Desk oder öffentlich). Ihre öffentliche Seite zeigt den Faktencheck unter „Auch geprüft von“, sobald eine zweite Person die Verknüpfung freigegeben hat."
          />
        </ActionForm>
      ) : null}

      {mayLink ? (
        <>
          <h2>Sprecher</h2>
          <ActionForm action={setSpeakerAction} hidden={{ externalCheckId: check.id }} version={check.version} submitLabel="Sprecher speichern">
            <Select name="speakerId" label="Unser Sprecher" defaultValue={check.speaker?.id ?? ""} options={speakers} emptyLabel="– keiner –" />
            {check.claimantName && !check.speaker ? (
              <Checkbox name="createFromClaimant" label={`„${check.claimantName}“ als neuen Sprecher anlegen und zuordnen`} />
            ) : null}
          </ActionForm>
        </>
      ) : null}
    </>
  );
}

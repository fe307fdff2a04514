import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RecordPicker } from "@/components/admin/RecordPicker";
import { ActionForm } from "@/components/admin/ActionForm";
import { Checkbox, TextField } from "@/components/admin/Fields";
import { ExternalLinkStatus } from "@/components/admin/ExternalLinkStatus";
import { Moment } from "@/components/admin/Moment";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentLocale } from "@/lib/desk-i18n";
import { boundedChoices } from "@/lib/editorial/choices";
import { getExternalCheck } from "@/lib/external-checks";
import { formatDay } from "@/lib/messages";
import { approveLinkAction, linkClaimAction, setSpeakerAction, unlinkClaimAction } from "../actions";
import "../../editorial.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.externalCheck");
  return { title: t("title") };
}

const content = (chunks: ReactNode) => <span translate="no">{chunks}</span>;

export default async function ExternalCheckPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("desk.view", `/admin/external-checks/${id}`);
  const check = await getExternalCheck(id);
  if (!check) notFound();
  const mayLink = can(user.role, "external.link");
  const [speakers, t, status, locale] = await Promise.all([mayLink ? boundedChoices("speaker", { ids: [check.speaker?.id] }) : Promise.resolve([]), getTranslations("desk.externalCheck"), getTranslations("status"), currentLocale()]);
  const numeric =
    check.ratingValue !== null
      ? [
          check.bestRating !== null ? t("ratingOf", { value: String(check.ratingValue), best: String(check.bestRating) }) : String(check.ratingValue),
          check.worstRating !== null ? t("worst", { worst: String(check.worstRating) }) : null,
        ]
          .filter(Boolean)
          .join(" ")
      : null;
  // The rating's words are the publisher's (its language); the numbers around them ours.
  const lang = check.language ?? undefined;
  const contentMark = lang ? { lang } : { translate: "no" as const };

  return (
    <>
      <p>
        <Link href="/admin/external-checks">{t("back")}</Link>
      </p>
      <h1 {...contentMark}>{check.claimText}</h1>
      <p className="muted">{t.rich("by", { publisher: check.publisherName, content })}</p>
      <dl className="facts">
        <dt>{t("publisher")}</dt>
        <dd translate="no">
          {check.publisherName}
          {check.publisherSite ? ` (${check.publisherSite})` : ""}
        </dd>
        {check.title ? (
          <>
            <dt>{t("titleField")}</dt>
            <dd {...contentMark}>{check.title}</dd>
          </>
        ) : null}
        <dt>{t("url")}</dt>
        <dd>
          {check.url ? (
            <a href={check.url} rel="nofollow noopener noreferrer external">
              {check.url}
            </a>
          ) : (
            "–"
          )}
        </dd>
        <dt>{t("rating")}</dt>
        <dd>
          {check.textualRating ? <span {...contentMark}>{check.textualRating}</span> : null}
          {check.textualRating && numeric ? " · " : null}
          {numeric}
          {!check.textualRating && !numeric ? "–" : null}
        </dd>
        <dt>{t("claimant")}</dt>
        <dd translate="no">{check.claimantName ?? "–"}</dd>
        <dt>{t("speaker")}</dt>
        <dd>
          {check.speaker ? (
            <Link href={`/admin/speakers/${check.speaker.id}`} translate="no">
              {check.speaker.name}
            </Link>
          ) : (
            t("noSpeaker")
          )}
        </dd>
        <dt>{t("claimDate")}</dt>
        <dd>{check.claimDate ? <time dateTime={check.claimDate.toISOString().slice(0, 10)}>{formatDay(check.claimDate, locale, "calendar")}</time> : "–"}</dd>
        <dt>{t("reviewDate")}</dt>
        <dd>
          <Moment date={check.reviewDate} />
        </dd>
        <dt>{t("language")}</dt>
        <dd translate="no">{check.language ?? "–"}</dd>
        <dt>{t("imported")}</dt>
        <dd>
          {check.importBatch ? (
            <Link href={`/admin/import/${check.importBatch.id}`} translate={check.importBatch.filename ? "no" : undefined}>
              {check.importBatch.filename ?? "Import"}
            </Link>
          ) : (
            "–"
          )}
          {", "}
          <Moment date={check.createdAt} />
        </dd>
      </dl>

      <h2>{t("links")}</h2>
      <p className="muted">{t("linksNote")}</p>
      {check.links.length === 0 ? <p className="muted">{t("noLinks")}</p> : null}
      <ul className="item-list">
        {check.links.map((link) => (
          <li key={link.claim.id}>
            <Link href={`/admin/claims/${link.claim.id}`} translate="no">
              {link.claim.text}
            </Link>{" "}
            <span className="muted">({status(link.claim.status)})</span>
            <ExternalLinkStatus link={link} user={user} actions={{ approve: approveLinkAction, unlink: unlinkClaimAction }} />
          </li>
        ))}
      </ul>
      {mayLink ? (
        <ActionForm action={linkClaimAction} hidden={{ externalCheckId: check.id }} submitLabel={t("link")} resetOnSuccess>
          <TextField name="claim" label={t("ourClaim")} required maxLength={500} hint={t("ourClaimHint")} />
        </ActionForm>
      ) : null}

      {mayLink ? (
        <>
          <h2>{t("speakerHeading")}</h2>
          <ActionForm action={setSpeakerAction} hidden={{ externalCheckId: check.id }} version={check.version} submitLabel={t("saveSpeaker")}>
            <RecordPicker kind="speaker" name="speakerId" label={t("speaker")} defaultValue={check.speaker?.id ?? ""} options={speakers.map(({ value, label }) => ({ value, label }))} emptyLabel={t("noneOption")} />
            {check.claimantName && !check.speaker ? (
              <Checkbox name="createFromClaimant" label={t("createFromClaimant", { name: check.claimantName })} />
            ) : null}
          </ActionForm>
        </>
      ) : null}
    </>
  );
}

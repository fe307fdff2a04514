import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeleteSection } from "@/components/admin/DeleteSection";
import { Notice } from "@/components/admin/PageHeader";
import { RecordHistory } from "@/components/admin/RecordHistory";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { PUBLIC_SPEAKER_PERMISSION, getSpeakerForEdit } from "@/lib/editorial/speakers";
import { currentLocale } from "@/lib/desk-i18n";
import { localeHref } from "@/lib/i18n";
import { deleteSpeakerAction, updateSpeakerAction } from "../actions";
import { SpeakerForm } from "../SpeakerForm";
import "../../editorial.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.speaker");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SpeakerEditPage({ params, searchParams }: Props) {
  const user = await requirePermission("desk.view", `/admin/speakers/${encodeURIComponent((await params).id)}`);
  const { id } = await params;
  const speaker = await getSpeakerForEdit(id);
  if (!speaker) notFound();
  const created = (await searchParams).angelegt !== undefined;
  const isPublic = speaker.isPublic;
  const [tp, t, locale] = await Promise.all([
    getTranslations("publication"),
    getTranslations("desk.speaker"),
    currentLocale(),
  ]);
  // The delete rule is the domain's (lib/editorial/speakers.ts): the page only says it.
  const uses = speaker.uses;

  return (
    <>
      <p>
        <Link href="/admin/speakers">{t("back")}</Link>
      </p>
      <h1>{speaker.name}</h1>
      <ul className="admin-subnav">
        <li>
          <Link href={`/admin/quotes?speaker=${speaker.id}`}>
            {speaker.counts.quotesReported
              ? t("quotesReported", { count: speaker.counts.quotes, reported: speaker.counts.quotesReported })
              : t("quotes", { count: speaker.counts.quotes })}
          </Link>
        </li>
        <li>{t("claims", { count: speaker.counts.claims })}</li>
        <li>
          <a href="#verlauf">{t("history")}</a>
        </li>
        <li>
          <Link href={localeHref(locale, `/speakers/${speaker.slug}`)}>{t("publicPage")}</Link> <span className="muted">{t("publicPageNote")}</span>
        </li>
      </ul>
      {created && <Notice>{t("created")}</Notice>}
      {isPublic && <p className="field__hint">{tp("publicSpeaker")}</p>}

      {can(user.role, "record.edit") && (!isPublic || can(user.role, PUBLIC_SPEAKER_PERMISSION)) ? (
        <SpeakerForm action={updateSpeakerAction} speaker={speaker} submitLabel={t("save")} />
      ) : (
        <p>{t("readOnly")}</p>
      )}

      {can(user.role, "record.delete") && (
        <DeleteSection
          heading={t("delete")}
          form={{ action: deleteSpeakerAction, id: speaker.id, version: speaker.version, submitLabel: t("delete"), confirm: t("deleteConfirm", { name: speaker.name }) }}
        >
          {uses > 0 ? <p>{t("deleteInUse", { count: uses })}</p> : <p>{t("deleteExplain")}</p>}
        </DeleteSection>
      )}

      <RecordHistory entityType="Speaker" entityId={speaker.id} />
    </>
  );
}

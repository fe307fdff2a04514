import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { param, type SearchParams } from "@/lib/editorial/listing";
import { quoteFormChoices } from "@/lib/editorial/choices";
import { sourceOptions } from "@/lib/editorial/sources";
import { speakerChoices } from "../../speakers/choices";
import { createQuoteAction } from "../actions";
import { QuoteForm } from "../QuoteForm";
import "../../editorial.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.quotes");
  return { title: t("new") };
}

export default async function NewQuotePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission("record.edit", "/admin/quotes/new");
  const wanted = param(await searchParams, "sourceId");
  const [{ speakers, parents }, sources, t] = await Promise.all([
    // Bounded (lib/editorial/choices.ts); the form's pickers search the rest.
    quoteFormChoices().then(async (c) => ({ speakers: await speakerChoices(c.speakers), parents: c.parents })),
    sourceOptions(),
    getTranslations("desk.quotes"),
  ]);
  const preselect = wanted && sources.some((s) => s.value === wanted) ? wanted : undefined;
  return (
    <>
      <p>
        <Link href="/admin/quotes">{t("back")}</Link>
      </p>
      <h1>{t("new")}</h1>
      {speakers.length === 0 && (
        <p className="empty-state">
          {t("noSpeakers")} <Link href="/admin/speakers/new">{t("createSpeakerFirst")}</Link>
        </p>
      )}
      <QuoteForm
        action={createQuoteAction}
        submitLabel={t("create")}
        speakers={speakers}
        sources={sources}
        parents={parents}
        preselectSourceId={preselect}
      />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { SimilarRecords } from "@/components/admin/SimilarRecords";
import { requirePermission } from "@/lib/auth/session";
import { currentLocale } from "@/lib/desk-i18n";
import { claimDraftFromQuote, claimFormOptions } from "@/lib/editorial/claims";
import { param, type SearchParams } from "@/lib/editorial/listing";
import { createClaimAction } from "../actions";
import { ClaimFields } from "../ClaimFields";
import "../claims.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.claims");
  return { title: t("new") };
}

// ?quoteId=… : "Behauptung aus Zitat anlegen" — the quote is preselected, and text, claimant,
// date and passages are taken from it (the editor then words the claim neutrally).
export default async function NewClaimPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission("record.edit", "/admin/claims/new");
  const params = await searchParams;
  const quoteId = param(params, "quoteId");
  const locale = await currentLocale();
  const fromQuote = quoteId ? await claimDraftFromQuote(quoteId) : null;
  const [options, t, ts] = await Promise.all([
    // Bounded choices that hold what the quote brings (its speaker, itself, its sources).
    claimFormOptions(undefined, locale, {
      claimantId: fromQuote?.claimantId,
      quoteIds: fromQuote ? [fromQuote.quoteId] : [],
      sourceIds: fromQuote?.passages.map((p) => p.sourceId) ?? [],
    }),
    getTranslations("desk.claims"),
    getTranslations("desk.similar"),
  ]);

  return (
    <div className="claim-desk">
      <p>
        <Link href="/admin/claims">{t("back")}</Link>
      </p>
      <h1>{t("new")}</h1>
      {quoteId && !fromQuote ? (
        <p className="form-status form-status--error" role="alert">
          {t("quoteNotFound")}
        </p>
      ) : null}
      {fromQuote ? <p className="claim-lock">{t("fromQuote", { speaker: fromQuote.speakerName })}</p> : null}
      <ActionForm action={createClaimAction} submitLabel={t("create")}>
        <ClaimFields
          options={options}
          values={
            fromQuote
              ? {
                  text: fromQuote.text,
                  language: fromQuote.language,
                  claimantId: fromQuote.claimantId,
                  claimDate: fromQuote.claimDate,
                  quoteIds: [fromQuote.quoteId],
                  passages: fromQuote.passages,
                }
              : {}
          }
          textExtra={<SimilarRecords kind="claim" inputName="text" heading={ts("claims")} />}
        />
      </ActionForm>
    </div>
  );
}

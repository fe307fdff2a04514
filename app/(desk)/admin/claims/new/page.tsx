import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/ActionForm";
import { SimilarRecords } from "@/components/admin/SimilarRecords";
import { requirePermission } from "@/lib/auth/session";
import { claimDraftFromQuote, claimFormOptions } from "@/lib/editorial/claims";
import { param, type SearchParams } from "@/lib/editorial/listing";
import { createClaimAction } from "../actions";
import { ClaimFields } from "../ClaimFields";
import "../claims.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Neue Behauptung" };

// ?quoteId=… : "Behauptung aus Zitat anlegen" — the quote is preselected, and text, claimant,
// date and passages are taken from it (the editor then words the claim neutrally).
export default async function NewClaimPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission("record.edit", "/admin/claims/new");
  const params = await searchParams;
  const quoteId = param(params, "quoteId");
  const [options, fromQuote] = await Promise.all([claimFormOptions(), quoteId ? claimDraftFromQuote(quoteId) : Promise.resolve(null)]);

  return (
    <div className="claim-desk">
      <p>
        <Link href="/admin/claims">← Alle Behauptungen</Link>
      </p>
      <h1>Neue Behauptung</h1>
      {quoteId && !fromQuote ? (
        <p className="form-status form-status--error" role="alert">
          Das Zitat wurde nicht gefunden; die Behauptung wird ohne Vorlage angelegt.
        </p>
      ) : null}
      {fromQuote ? (
        <p className="claim-lock">
          Aus dem Zitat von {fromQuote.speakerName} übernommen: Text, Urheber, Datum und Fundstellen. Formulieren Sie die Behauptung
          neutral und prüfbar.
        </p>
      ) : null}
      <ActionForm action={createClaimAction} submitLabel="Behauptung anlegen">
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
          textExtra={<SimilarRecords kind="claim" inputName="text" heading="Ähnliche Behauptungen:" />}
        />
      </ActionForm>
    </div>
  );
}

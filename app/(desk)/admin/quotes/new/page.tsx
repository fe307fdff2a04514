import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { param, type SearchParams } from "@/lib/editorial/listing";
import { quoteParentOptions } from "@/lib/editorial/quotes";
import { sourceOptions } from "@/lib/editorial/sources";
import { speakerOptions } from "@/lib/editorial/speakers";
import { createQuoteAction } from "../actions";
import { QuoteForm } from "../QuoteForm";
import "../../editorial.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Neues Zitat" };

export default async function NewQuotePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission("record.edit", "/admin/quotes/new");
  const wanted = param(await searchParams, "sourceId");
  const [speakers, sources, parents] = await Promise.all([speakerOptions(), sourceOptions(), quoteParentOptions(null, null)]);
  const preselect = wanted && sources.some((s) => s.value === wanted) ? wanted : undefined;
  return (
    <>
      <p>
        <Link href="/admin/quotes">← Alle Zitate</Link>
      </p>
      <h1>Neues Zitat</h1>
      {speakers.length === 0 && (
        <p className="empty-state">
          Es gibt noch keine Sprecher. <Link href="/admin/speakers/new">Legen Sie zuerst den Sprecher an.</Link>
        </p>
      )}
      <QuoteForm
        action={createQuoteAction}
        submitLabel="Zitat anlegen"
        speakers={speakers}
        sources={sources}
        parents={parents}
        preselectSourceId={preselect}
      />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeleteSection } from "@/components/admin/DeleteSection";
import { Notice } from "@/components/admin/PageHeader";
import { RecordHistory } from "@/components/admin/RecordHistory";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { publicClaimsWithQuote } from "@/lib/editorial/publication";
import { getQuoteForEdit, quoteParentOptions } from "@/lib/editorial/quotes";
import { sourceOptions } from "@/lib/editorial/sources";
import { speakerOptions } from "@/lib/editorial/speakers";
import { ClaimStatus } from "@/lib/generated/prisma/enums";
import { deleteQuoteAction, updateQuoteAction } from "../actions";
import { QuoteForm } from "../QuoteForm";
import "../../editorial.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Zitat bearbeiten" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const short = (s: string, max = 90) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export default async function QuoteEditPage({ params, searchParams }: Props) {
  const user = await requirePermission("desk.view", `/admin/quotes/${encodeURIComponent((await params).id)}`);
  const { id } = await params;
  const quote = await getQuoteForEdit(id);
  if (!quote) notFound();
  const [speakers, sources, parents, publicClaims, tp] = await Promise.all([
    speakerOptions(),
    sourceOptions(),
    quoteParentOptions(quote.id, quote.parentId),
    publicClaimsWithQuote(quote.id),
    getTranslations({ locale: "de", namespace: "publication" }),
  ]);
  const created = (await searchParams).angelegt !== undefined;
  const statusNames = await getTranslations({ locale: "de", namespace: "status" });
  const status = (s: string) => (Object.hasOwn(ClaimStatus, s) ? statusNames(s as ClaimStatus) : s);

  return (
    <>
      <p>
        <Link href="/admin/quotes">← Alle Zitate</Link>
      </p>
      <h1>
        Zitat von <Link href={`/admin/speakers/${quote.speakerId}`}>{quote.speakerName}</Link>
      </h1>
      <blockquote className="quote-context">{quote.text}</blockquote>
      <ul className="admin-subnav">
        <li>
          <a href="#verlauf">Verlauf</a>
        </li>
        {quote.appearances.map((a, i) => (
          <li key={`${a.sourceId}-${a.start}`}>
            Fundstelle {i + 1}: <Link href={`/admin/sources/${a.sourceId}`}>{short(a.sourceTitle, 60)}</Link> (Zeichen {a.start}–{a.end}
            {a.matches ? "" : ", weicht ab"})
          </li>
        ))}
      </ul>
      {created && <Notice>Das Zitat wurde angelegt.</Notice>}
      {publicClaims > 0 && <p className="field__hint">{tp("sharedRecord", { count: publicClaims })}</p>}
      {(quote.claims.length > 0 || quote.nested.length > 0) && (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">Verknüpft</h2>
          <ul>
            {quote.claims.map((c) => (
              <li key={c.id}>
                Behauptung: <Link href={`/admin/claims/${c.id}`}>{short(c.text)}</Link> ({status(c.status)})
              </li>
            ))}
            {quote.nested.map((n) => (
              <li key={n.id}>
                Darin enthaltenes Zitat: <Link href={`/admin/quotes/${n.id}`}>{short(n.text)}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {can(user.role, "record.edit") ? (
        <QuoteForm action={updateQuoteAction} quote={quote} submitLabel="Speichern" speakers={speakers} sources={sources} parents={parents} />
      ) : (
        <p>Sie können dieses Zitat ansehen, aber nicht bearbeiten.</p>
      )}

      {can(user.role, "record.delete") && (
        <DeleteSection
          heading="Zitat löschen"
          form={{ action: deleteQuoteAction, id: quote.id, version: quote.version, submitLabel: "Zitat löschen", confirm: "Dieses Zitat wirklich löschen?" }}
        >
          {quote.claims.length > 0 ? (
            <p>
              Solange {quote.claims.length === 1 ? "eine Behauptung" : `${quote.claims.length} Behauptungen`} sich auf das Zitat{" "}
              {quote.claims.length === 1 ? "stützt" : "stützen"}, kann es nicht gelöscht werden.
            </p>
          ) : (
            <p>
              Das Zitat wird mit seinen Übersetzungen und Fundstellen gelöscht
              {quote.nested.length ? "; darin enthaltene Zitate bleiben als eigenständige Zitate erhalten" : ""}. Der Verlauf bleibt erhalten.
            </p>
          )}
        </DeleteSection>
      )}

      <RecordHistory entityType="Quote" entityId={quote.id} />
    </>
  );
}

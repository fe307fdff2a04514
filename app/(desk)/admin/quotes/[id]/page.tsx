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
import { quoteFormChoices } from "@/lib/editorial/choices";
import { getQuoteForEdit } from "@/lib/editorial/quotes";
import { sourceOptions } from "@/lib/editorial/sources";
import { isClaimStatus } from "@/lib/editorial/status";
import { speakerChoices } from "../../speakers/choices";
import { deleteQuoteAction, updateQuoteAction } from "../actions";
import { QuoteForm } from "../QuoteForm";
import "../../editorial.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.quote");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const short = (s: string, max = 90) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export default async function QuoteEditPage({ params, searchParams }: Props) {
  const user = await requirePermission("desk.view", `/admin/quotes/${encodeURIComponent((await params).id)}`);
  const { id } = await params;
  const quote = await getQuoteForEdit(id);
  if (!quote) notFound();
  const [{ speakers, parents }, sources, publicClaims, tp, t, statusNames] = await Promise.all([
    // Bounded (lib/editorial/choices.ts); the form's pickers search the rest.
    quoteFormChoices(quote).then(async (c) => ({ speakers: await speakerChoices(c.speakers), parents: c.parents })),
    sourceOptions(),
    publicClaimsWithQuote(quote.id),
    getTranslations("publication"),
    getTranslations("desk.quote"),
    getTranslations("status"),
  ]);
  const created = (await searchParams).angelegt !== undefined;
  const status = (s: string) => (isClaimStatus(s) ? statusNames(s) : s);

  return (
    <>
      <p>
        <Link href="/admin/quotes">{t("back")}</Link>
      </p>
      <h1>
        {t("titleBy")} <Link href={`/admin/speakers/${quote.speakerId}`}>{quote.speakerName}</Link>
      </h1>
      <blockquote className="quote-context" lang={quote.language}>
        {quote.text}
      </blockquote>
      <ul className="admin-subnav">
        <li>
          <a href="#verlauf">{t("history")}</a>
        </li>
        {quote.appearances.map((a, i) => (
          <li key={`${a.sourceId}-${a.start}`}>
            {t("appearance", { n: i + 1 })} <Link href={`/admin/sources/${a.sourceId}`} translate="no">
              {short(a.sourceTitle, 60)}
            </Link> (
            {t(a.matches ? "chars" : "charsDiffer", { start: String(a.start), end: String(a.end) })})
          </li>
        ))}
      </ul>
      {created && <Notice>{t("created")}</Notice>}
      {publicClaims > 0 && <p className="field__hint">{tp("sharedRecord", { count: publicClaims })}</p>}
      {(quote.claims.length > 0 || quote.nested.length > 0) && (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">{t("links")}</h2>
          <ul>
            {quote.claims.map((c) => (
              <li key={c.id}>
                {t("linkedClaim")}{" "}
                <Link href={`/admin/claims/${c.id}`} translate="no">
                  {short(c.text)}
                </Link>{" "}
                ({status(c.status)})
              </li>
            ))}
            {quote.nested.map((n) => (
              <li key={n.id}>
                {t("nestedQuote")}{" "}
                <Link href={`/admin/quotes/${n.id}`} translate="no">
                  {short(n.text)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {can(user.role, "record.edit") ? (
        <QuoteForm action={updateQuoteAction} quote={quote} submitLabel={t("save")} speakers={speakers} sources={sources} parents={parents} />
      ) : (
        <p>{t("readOnly")}</p>
      )}

      {can(user.role, "record.delete") && (
        <DeleteSection
          heading={t("delete")}
          form={{ action: deleteQuoteAction, id: quote.id, version: quote.version, submitLabel: t("delete"), confirm: t("deleteConfirm") }}
        >
          {quote.claims.length > 0 ? <p>{t("deleteInUse", { count: quote.claims.length })}</p> : <p>{t(quote.nested.length ? "deleteExplainNested" : "deleteExplain")}</p>}
        </DeleteSection>
      )}

      <RecordHistory entityType="Quote" entityId={quote.id} />
    </>
  );
}

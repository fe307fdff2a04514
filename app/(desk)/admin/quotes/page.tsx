import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { Moment } from "@/components/admin/Moment";
import { PageHeader } from "@/components/admin/PageHeader";
import { SortHeader, type Sorting } from "@/components/admin/SortHeader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentLocale } from "@/lib/desk-i18n";
import { optionalChoice, pageParam, param, sortParam, sortQuery, type SearchParams } from "@/lib/editorial/listing";
import { QUOTE_SORTING, SPEECH_KINDS, listQuotes, type QuoteSort } from "@/lib/editorial/quotes";
import { boundedChoices } from "@/lib/editorial/choices";
import { formatDay } from "@/lib/messages";
import { speakerChoices } from "../speakers/choices";
import { formatNumber } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.quotes");
  return { title: t("title") };
}

const PATH = "/admin/quotes";

const short = (s: string, max = 160) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export default async function QuotesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("desk.view", PATH);
  const params = await searchParams;
  const q = param(params, "q");
  const speakerId = param(params, "speaker");
  const sourceId = param(params, "source");
  const kind = optionalChoice(params, "kind", SPEECH_KINDS);
  const order = sortParam(params, QUOTE_SORTING);
  const page = pageParam(params);
  const [result, speakers, sources, t, tl, locale] = await Promise.all([
    listQuotes({ q, speakerId, sourceId, kind, ...order, page }),
    // Bounded lists that hold the chosen filter values (lib/editorial/choices.ts): an archive
    // of thousands of speakers and sources must not make every list page that large.
    boundedChoices("speaker", { ids: [speakerId] }).then(speakerChoices),
    boundedChoices("source", { ids: [sourceId] }),
    getTranslations("desk.quotes"),
    getTranslations("desk.list"),
    currentLocale(),
  ]);
  const filtered = q !== undefined || kind !== undefined || speakerId !== undefined || sourceId !== undefined;
  const sorting: Sorting<QuoteSort> = { path: PATH, params, current: order, columns: QUOTE_SORTING };

  return (
    <>
      <PageHeader
        title={t("title")}
        newLink={
          can(user.role, "record.edit")
            ? { href: sourceId ? `/admin/quotes/new?sourceId=${encodeURIComponent(sourceId)}` : "/admin/quotes/new", label: t("new") }
            : undefined
        }
        notice={param(params, "geloescht") && t("deleted")}
      />

      <ListFilters
        action={PATH}
        label={t("filter")}
        filtered={filtered}
        hidden={sortQuery(order, QUOTE_SORTING)}
        fields={[
          { name: "q", label: t("search"), type: "search", value: q },
          { name: "speaker", label: t("speaker"), emptyLabel: tl("all"), value: speakerId, options: speakers },
          { name: "kind", label: t("kind"), emptyLabel: tl("all"), value: kind, options: SPEECH_KINDS.map((k) => ({ value: k, label: t(`kindName.${k}`) })) },
          { name: "source", label: t("source"), emptyLabel: tl("all"), value: sourceId, options: sources },
        ]}
      />

      <ListResults
        path={PATH}
        params={params}
        result={result}
        count={(count) => t("count", { count })}
        filtered={filtered}
        empty={filtered ? t("emptyFiltered") : t("empty")}
        firstPageLink
      >
        <table className="admin-table">
          <caption className="visually-hidden">{t("caption", { page: result.page })}</caption>
          <thead>
            <tr>
              <SortHeader sorting={sorting} column="text">
                {t("quote")}
              </SortHeader>
              <SortHeader sorting={sorting} column="speaker">
                {t("speaker")}
              </SortHeader>
              <SortHeader sorting={sorting} column="kind">
                {t("kind")}
              </SortHeader>
              <SortHeader sorting={sorting} column="said">
                {t("saidOn")}
              </SortHeader>
              <SortHeader sorting={sorting} column="appearances" className="number">
                {t("appearances")}
              </SortHeader>
              <SortHeader sorting={sorting} column="claims" className="number">
                {t("claims")}
              </SortHeader>
              <SortHeader sorting={sorting} column="updated">
                {t("changed")}
              </SortHeader>
            </tr>
          </thead>
          <tbody>
            {result.items.map((item) => (
              <tr key={item.id}>
                <td className="quote-cell">
                  <Link href={`/admin/quotes/${item.id}`} lang={item.language}>
                    {t("quoted", { text: short(item.text) })}
                  </Link>
                </td>
                <td>
                  <span translate="no">{item.speaker.name}</span>
                  {item.reportedBy && <span className="muted"> ({t("reportedBy", { name: item.reportedBy.name })})</span>}
                </td>
                <td>{t(`kindName.${item.kind}`)}</td>
                <td>{item.saidOn ? <time dateTime={item.saidOn.toISOString().slice(0, 10)}>{formatDay(item.saidOn, locale, "calendar")}</time> : "–"}</td>
                <td className="number">{formatNumber(item._count.appearances, locale)}</td>
                <td className="number">{formatNumber(item._count.claims, locale)}</td>
                <td>
                  <Moment date={item.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListResults>
    </>
  );
}

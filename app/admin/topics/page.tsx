import type { Metadata } from "next";
import Link from "next/link";
import { TableScroll } from "@/components/admin/TableScroll";
import { ActionForm } from "@/components/admin/ActionForm";
import { Pagination } from "@/components/Pagination";
import { requirePermission } from "@/lib/auth/session";
import { choice, listHref, pageParam, param, type SearchParams } from "@/lib/editorial/listing";
import { listTopics, TOPIC_SORTS, type TopicSort } from "@/lib/editorial/taxonomy";
import { getDictionary } from "@/lib/i18n";
import { createTopicAction } from "./actions";
import { TopicFields } from "./TopicFields";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Themen" };

const SORT_LABELS: Record<TopicSort, string> = {
  name: "Name",
  slug: "Kurzadresse",
  claims: "Meiste Behauptungen",
  updated: "Zuletzt geändert",
};

export default async function TopicsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission("taxonomy.manage", "/admin/topics");
  const params = await searchParams;
  const q = param(params, "q");
  const sort = choice(params, "sort", TOPIC_SORTS);
  const page = await listTopics({ q, sort, page: pageParam(params) });

  return (
    <>
      <h1>Themen</h1>
      <form method="get" className="list-controls" role="search" aria-label="Themen filtern">
        <div className="field">
          <label htmlFor="topics-q">Suche (Name, Kurzadresse)</label>
          <input id="topics-q" name="q" type="search" defaultValue={q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="topics-sort">Sortierung</label>
          <select id="topics-sort" name="sort" defaultValue={sort}>
            {TOPIC_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Anzeigen
        </button>
        {q ? <Link href="/admin/topics">Suche zurücksetzen</Link> : null}
      </form>

      {page.items.length === 0 ? (
        <p className="empty-state">{q ? "Kein Thema passt zu dieser Suche." : "Noch keine Themen. Legen Sie unten das erste an."}</p>
      ) : (
        <TableScroll label="Themen">
          <table className="admin-table">
            <caption className="visually-hidden">Themen, {page.total} insgesamt</caption>
            <thead>
              <tr>
                <th scope="col">Name (deutsch)</th>
                <th scope="col">Name (englisch)</th>
                <th scope="col">Kurzadresse</th>
                <th scope="col" className="number">
                  Behauptungen
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link href={`/admin/topics/${t.id}`}>{t.nameDe}</Link>
                  </td>
                  <td lang="en">{t.nameEn}</td>
                  <td>
                    <code>{t.slug}</code>
                  </td>
                  <td className="number">{t.claimCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} href={(n) => listHref("/admin/topics", params, { page: n })} dict={getDictionary()} />

      <section aria-labelledby="new-topic-heading">
        <h2 id="new-topic-heading">Neues Thema</h2>
        <ActionForm action={createTopicAction} submitLabel="Thema anlegen" resetOnSuccess>
          <TopicFields />
        </ActionForm>
      </section>
    </>
  );
}

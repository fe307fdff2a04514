import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/ActionForm";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { requirePermission } from "@/lib/auth/session";
import { choice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";
import { listTopics, TOPIC_SORTS, type TopicSort } from "@/lib/editorial/taxonomy";
import { createTopicAction } from "./actions";
import { TopicFields } from "./TopicFields";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Themen" };

const PATH = "/admin/topics";

const SORT_LABELS: Record<TopicSort, string> = {
  name: "Name",
  slug: "Kurzadresse",
  claims: "Meiste Behauptungen",
  updated: "Zuletzt geändert",
};

export default async function TopicsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission("taxonomy.manage", PATH);
  const params = await searchParams;
  const q = param(params, "q");
  const sort = choice(params, "sort", TOPIC_SORTS);
  const page = await listTopics({ q, sort, page: pageParam(params) });

  return (
    <>
      <h1>Themen</h1>
      <ListFilters
        action={PATH}
        label="Themen filtern"
        idPrefix="topics"
        filtered={q !== undefined}
        resetLabel="Suche zurücksetzen"
        fields={[
          { name: "q", label: "Suche (Name, Kurzadresse)", type: "search", value: q },
          { name: "sort", label: "Sortierung", value: sort, options: TOPIC_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] })) },
        ]}
      />

      <ListResults path={PATH} params={params} result={page} empty={q ? "Kein Thema passt zu dieser Suche." : "Noch keine Themen. Legen Sie unten das erste an."} scrollLabel="Themen">
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
      </ListResults>

      <section aria-labelledby="new-topic-heading">
        <h2 id="new-topic-heading">Neues Thema</h2>
        <ActionForm action={createTopicAction} submitLabel="Thema anlegen" resetOnSuccess>
          <TopicFields />
        </ActionForm>
      </section>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { PageHeader } from "@/components/admin/PageHeader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { optionalChoice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";
import { listExternalChecks } from "@/lib/external-checks";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Externe Faktenchecks" };

const PATH = "/admin/external-checks";

export default async function ExternalChecksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("desk.view", PATH);
  const params = await searchParams;
  const q = param(params, "q");
  const linked = optionalChoice(params, "linked", ["yes", "no"] as const);
  const result = await listExternalChecks({ q, linked, page: pageParam(params) });
  const filtered = q !== undefined || linked !== undefined;

  return (
    <>
      <PageHeader
        title="Externe Faktenchecks"
        newLink={can(user.role, "import.run") ? { href: "/admin/import", label: "Importieren" } : undefined}
      />
      <p>
        Faktenchecks anderer Redaktionen, wie sie sie veröffentlicht haben: nie unsere Bewertungen. Mit einer unserer Behauptungen verknüpft,
        zeigt deren öffentliche Seite sie unter „Auch geprüft von“.
      </p>
      <ListFilters
        action={PATH}
        label="Externe Faktenchecks suchen und filtern"
        filtered={filtered}
        fields={[
          { name: "q", label: "Suche (Behauptung, Herausgeber, Urheber, URL)", type: "search", value: q },
          {
            name: "linked",
            label: "Verknüpft",
            emptyLabel: "alle",
            value: linked,
            options: [
              { value: "yes", label: "mit einer unserer Behauptungen" },
              { value: "no", label: "noch mit keiner" },
            ],
          },
        ]}
      />
      <ListResults
        path={PATH}
        params={params}
        result={result}
        count={{ one: "externer Faktencheck", many: "externe Faktenchecks" }}
        filtered={filtered}
        empty={filtered ? "Keine externen Faktenchecks passen zu dieser Suche." : "Noch keine externen Faktenchecks: importieren Sie welche."}
        firstPageLink
      >
        <table className="admin-table">
          <caption className="visually-hidden">Externe Faktenchecks, Seite {result.page}</caption>
          <thead>
            <tr>
              <th scope="col">Behauptung</th>
              <th scope="col">Herausgeber</th>
              <th scope="col">Bewertung dort</th>
              <th scope="col">Urheber</th>
              <th scope="col">Geprüft am</th>
              <th scope="col" className="number">
                Verknüpft
              </th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link href={`${PATH}/${c.id}`}>{c.claimText.length > 160 ? `${c.claimText.slice(0, 160)} …` : c.claimText}</Link>
                </th>
                <td>{c.publisherName}</td>
                <td>{[c.textualRating, c.ratingValue !== null ? `${c.ratingValue}${c.bestRating !== null ? `/${c.bestRating}` : ""}` : null].filter(Boolean).join(" · ") || "–"}</td>
                <td>{c.speaker ? <Link href={`/admin/speakers/${c.speaker.id}`}>{c.speaker.name}</Link> : (c.claimantName ?? "–")}</td>
                <td>{c.reviewDate ? <time dateTime={c.reviewDate.toISOString()}>{c.reviewDate.toLocaleDateString("de-DE", { timeZone: "Europe/Berlin" })}</time> : "–"}</td>
                <td className="number">{c._count.claims}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListResults>
    </>
  );
}

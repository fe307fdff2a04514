// The last changes of one editorial record, from the revision log: when, who, what kind of
// change, the version it produced, and the names of the changed fields. A server component;
// any edit page can show it (<RecordHistory entityType="Claim" entityId={claim.id} />).
//
// One save is one revision (lib/editorial/records.ts): its changed fields include the link
// rows it changed (aliases, roles, translations, ...), so each revision is one row here.
import { Moment } from "@/components/admin/Moment";
import { db } from "@/lib/db/client";
import type { EntityType } from "@/lib/revisions";
// Its styles, so that any page using the component gets them (not only the ones that import it).
import "@/app/(desk)/admin/editorial.css";

const ACTIONS: Record<string, string> = {
  create: "Angelegt",
  update: "Geändert",
  delete: "Gelöscht",
  transition: "Statuswechsel",
};

/** German names of common fields; anything else is shown by its field name. */
const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  kind: "Art",
  slug: "Kurzadresse",
  wikidataId: "Wikidata-ID",
  bio: "Kurzbiografie",
  aliases: "Aliasse",
  roles: "Funktionen",
  url: "URL",
  title: "Titel",
  publisher: "Herausgeber",
  author: "Autor/in",
  publishedAt: "Veröffentlicht am",
  accessedAt: "Abgerufen am",
  language: "Sprache",
  snapshotText: "Gespeicherter Text",
  contentHash: "Prüfsumme",
  snapshotAt: "Text gespeichert am",
  speakerId: "Sprecher",
  text: "Text",
  saidOn: "Gesagt am",
  occasion: "Anlass",
  place: "Ort",
  reportedById: "Wiedergegeben von",
  parentId: "Steht in Zitat",
  translations: "Übersetzungen",
  appearances: "Fundstellen",
  status: "Status",
  claimantId: "Urheber",
  verdictId: "Bewertung",
  summary: "Zusammenfassung",
  analysis: "Analyse",
  topics: "Themen",
  quotes: "Zitate",
  passages: "Textstellen",
  evidence: "Belege",
  assigneeId: "Zuständig",
  researchNotes: "Recherchenotizen",
};

/** Bookkeeping that every create "changes"; not worth a column. */
const HIDDEN_FIELDS = new Set(["id", "createdAt", "updatedAt", "version"]);

interface Entry {
  key: string;
  action: string;
  version: number | null;
  at: Date;
  userId: string | null;
  who: string | null;
  fields: string[];
}

export async function RecordHistory({
  entityType,
  entityId,
  limit = 20,
  fieldLabels = {},
  id = "verlauf",
  heading = "Verlauf",
}: {
  entityType: EntityType;
  entityId: string;
  limit?: number;
  /** Extra or different field names for this record type. */
  fieldLabels?: Record<string, string>;
  /** The id of the section (for "#verlauf" links). */
  id?: string;
  heading?: string;
}) {
  const rows = await db.revision.findMany({
    where: { entityType, entityId },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, action: true, version: true, createdAt: true, changes: true, userId: true, user: { select: { name: true } } },
  });
  const shown: Entry[] = rows.map((row) => ({
    key: row.id.toString(),
    action: row.action,
    version: row.version,
    at: row.createdAt,
    userId: row.userId,
    who: row.user?.name ?? null,
    fields: (row.changes && typeof row.changes === "object" && !Array.isArray(row.changes) ? Object.keys(row.changes) : []).filter(
      (f) => !HIDDEN_FIELDS.has(f),
    ),
  }));
  const label = (f: string) => fieldLabels[f] ?? FIELD_LABELS[f] ?? f;

  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="record-history">
      <h2 id={`${id}-heading`}>{heading}</h2>
      {shown.length === 0 ? (
        <p className="empty-state">Noch keine Einträge im Verlauf.</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">
            {shown.length === 1 ? "Die letzte Änderung" : `Die letzten ${shown.length} Änderungen, neueste zuerst`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Wann</th>
              <th scope="col">Wer</th>
              <th scope="col">Was</th>
              <th scope="col" className="number">
                Version
              </th>
              <th scope="col">Geänderte Felder</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.key}>
                <td>
                  <Moment date={e.at} />
                </td>
                <td>{e.who ?? (e.userId ? "gelöschtes Konto" : "System")}</td>
                <td>{ACTIONS[e.action] ?? e.action}</td>
                <td className="number">{e.version ?? "–"}</td>
                <td>{e.fields.length ? e.fields.map(label).join(", ") : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

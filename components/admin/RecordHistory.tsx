// The last changes of one editorial record, from the revision log: when, who, what kind of
// change, the version it produced, and the names of the changed fields. A server component;
// any edit page can show it (<RecordHistory entityType="Claim" entityId={claim.id} />), in the
// desk's language.
//
// One save is one revision (lib/editorial/records.ts): its changed fields include the link
// rows it changed (aliases, roles, translations, ...), so each revision is one row here.
import { getTranslations } from "next-intl/server";
import { Moment } from "@/components/admin/Moment";
import { recentRevisions, type EntityType } from "@/lib/revisions";
// Its styles, so that any page using the component gets them (not only the ones that import it).
import "@/app/(desk)/admin/editorial.css";

/** The fields whose names the catalogue has (desk.history.field.*); others show as they are. */
const FIELDS = [
  "name", "kind", "slug", "wikidataId", "bio", "aliases", "roles", "url", "title", "publisher", "author", "publishedAt",
  "accessedAt", "language", "snapshotText", "contentHash", "snapshotAt", "speakerId", "text", "saidOn", "occasion", "place",
  "reportedById", "parentId", "translations", "appearances", "status", "claimantId", "verdictId", "summary", "analysis",
  "topics", "quotes", "passages", "evidence", "assigneeId", "researchNotes", "candidates", "openCandidates", "sourceId",
] as const;
type Field = (typeof FIELDS)[number];
const isField = (f: string): f is Field => (FIELDS as readonly string[]).includes(f);

const ACTIONS = ["create", "update", "delete", "transition"] as const;
const isAction = (a: string): a is (typeof ACTIONS)[number] => (ACTIONS as readonly string[]).includes(a);

/** Bookkeeping that every create "changes"; not worth a column. */
const HIDDEN_FIELDS = new Set(["id", "createdAt", "updatedAt", "version"]);

export async function RecordHistory({
  entityType,
  entityId,
  limit = 20,
  id = "verlauf",
  heading,
}: {
  entityType: EntityType;
  entityId: string;
  limit?: number;
  /** The id of the section (for "#verlauf" links). */
  id?: string;
  heading?: string;
}) {
  const [rows, t] = await Promise.all([recentRevisions(entityType, entityId, limit), getTranslations("desk.history")]);
  const shown = rows.map((row) => ({
    ...row,
    fields: Object.keys(row.changes).filter((f) => !HIDDEN_FIELDS.has(f)),
  }));
  const label = (f: string) => (isField(f) ? t(`field.${f}`) : f);

  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="record-history">
      <h2 id={`${id}-heading`}>{heading ?? t("heading")}</h2>
      {shown.length === 0 ? (
        <p className="empty-state">{t("empty")}</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">{t("caption", { count: shown.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("what")}</th>
              <th scope="col" className="number">
                {t("version")}
              </th>
              <th scope="col">{t("fields")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.id}>
                <td>
                  <Moment date={e.at} />
                </td>
                <td>{e.who ?? (e.userId ? t("deletedAccount") : t("system"))}</td>
                <td>{isAction(e.action) ? t(`action.${e.action}`) : e.action}</td>
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

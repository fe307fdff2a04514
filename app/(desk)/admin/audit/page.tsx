import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters, type ListFilter } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { Moment } from "@/components/admin/Moment";
import {
  AUDIT_ACTIONS,
  berlinDayEnd,
  berlinDayStart,
  listAuditEvents,
  listRevisionEntries,
  type AuditEntry,
  type LogFilter,
  type RevisionEntry,
} from "@/lib/auth/audit";
import { requirePermission } from "@/lib/auth/session";
import { choice, countOf, pageParam, param, type SearchParams } from "@/lib/editorial/listing";
import { listUserOptions } from "@/lib/editorial/users";
import { ENTITY_NAMES, ENTITY_TYPES, recordHref, REVISION_ACTION_NAMES, REVISION_ACTIONS, shortValue } from "./format";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Protokoll" };

const PATH = "/admin/audit";

const LOGS = ["security", "changes"] as const;
/** Changed fields shown per revision; the rest is counted. */
const MAX_FIELDS = 8;

// One page for both logs: the security log (AuditEvent: sign-ins, blocks, account changes,
// password resets) and the editorial changes (Revision: every create/update/delete/transition
// with before → after), as two tabs, 50 entries a page.
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission("audit.view", PATH);
  const params = await searchParams;
  const log = choice(params, "log", LOGS);
  const from = param(params, "from");
  const to = param(params, "to");
  const requestedAction = param(params, "action");
  // Only actions of the shown log (a revision's action is an enum: anything else would fail).
  const action =
    log === "security" || (REVISION_ACTIONS as readonly string[]).includes(requestedAction ?? "") ? requestedAction : undefined;
  const entityType = param(params, "entityType");
  const filter: LogFilter = {
    userId: param(params, "user"),
    action,
    from: berlinDayStart(from),
    to: berlinDayEnd(to),
    entityType: entityType && (ENTITY_TYPES as readonly string[]).includes(entityType) ? entityType : undefined,
    entityId: param(params, "entityId"),
    q: param(params, "q"),
    page: pageParam(params),
  };
  const [users, result] = await Promise.all([
    listUserOptions(),
    log === "security" ? listAuditEvents(filter) : listRevisionEntries(filter),
  ]);
  const actionOptions =
    log === "security"
      ? Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label: `${label} (${value})` }))
      : REVISION_ACTIONS.map((value) => ({ value, label: REVISION_ACTION_NAMES[value] ?? value }));
  const filtered = Boolean(filter.userId || action || from || to || filter.entityType || filter.entityId || filter.q);
  // The filters only one log has: the record (changes), the e-mail or address (security).
  const logFields: ListFilter[] =
    log === "changes"
      ? [
          {
            name: "entityType",
            id: "audit-type",
            label: "Datensatz-Art",
            emptyLabel: "alle",
            value: filter.entityType,
            options: ENTITY_TYPES.map((type) => ({ value: type, label: ENTITY_NAMES[type] })),
          },
          { name: "entityId", id: "audit-entity", label: "Datensatz-ID", value: filter.entityId },
        ]
      : [{ name: "q", label: "E-Mail oder Adresse (IP)", type: "search", value: filter.q }];

  return (
    <>
      <h1>Protokoll</h1>
      <nav aria-label="Protokolle" className="tabs">
        <ul className="list-controls" style={{ listStyle: "none", padding: 0 }}>
          <li>
            <Link href="/admin/audit?log=security" aria-current={log === "security" ? "page" : undefined}>
              {log === "security" ? <strong>Sicherheit</strong> : "Sicherheit"}
            </Link>
          </li>
          <li>
            <Link href="/admin/audit?log=changes" aria-current={log === "changes" ? "page" : undefined}>
              {log === "changes" ? <strong>Redaktionelle Änderungen</strong> : "Redaktionelle Änderungen"}
            </Link>
          </li>
        </ul>
      </nav>
      <p>
        {log === "security"
          ? "Anmeldungen, Fehlversuche und Sperren, Kontoänderungen und Passwort-Rücksetzungen."
          : "Jede Änderung an einem Datensatz: wer, wann, welche Felder (vorher → nachher)."}
      </p>

      <ListFilters
        action={PATH}
        label="Protokoll filtern"
        searchLandmark={false}
        idPrefix="audit"
        hidden={{ log }}
        filtered={filtered}
        fields={[
          {
            name: "user",
            label: log === "security" ? "Konto" : "Bearbeitet von",
            emptyLabel: "alle",
            value: filter.userId,
            options: users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
          },
          { name: "action", label: "Aktion", emptyLabel: "alle", value: action, options: actionOptions },
          ...logFields,
          { name: "from", label: "Von", type: "date", value: filter.from ? from : undefined },
          { name: "to", label: "Bis", type: "date", value: filter.to ? to : undefined },
        ]}
      />

      <p>{countOf(result.total, "Eintrag", "Einträge")}</p>
      <ListResults
        path={PATH}
        params={params}
        result={result}
        empty={filtered ? "Kein Eintrag passt zu diesen Filtern." : "Noch keine Einträge."}
        scrollLabel={log === "security" ? "Sicherheitsprotokoll" : "Redaktionelle Änderungen"}
      >
        {log === "security" ? <SecurityTable items={result.items as AuditEntry[]} /> : <ChangesTable items={result.items as RevisionEntry[]} />}
      </ListResults>
    </>
  );
}

function SecurityTable({ items }: { items: AuditEntry[] }) {
  return (
    <table className="admin-table">
      <caption className="visually-hidden">Sicherheitsprotokoll</caption>
      <thead>
        <tr>
          <th scope="col">Zeit</th>
          <th scope="col">Aktion</th>
          <th scope="col">Konto, Adresse</th>
          <th scope="col">Einzelheiten</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.id}>
            <td>
              <Moment date={e.createdAt} seconds />
            </td>
            <td>
              {AUDIT_ACTIONS[e.action as keyof typeof AUDIT_ACTIONS] ?? e.action}
              <br />
              <code>{e.action}</code>
            </td>
            <td>
              {e.user ? <Link href={`/admin/users/${e.user.id}`}>{e.user.name}</Link> : null}
              {e.user ? <br /> : null}
              {e.email ?? e.user?.email ?? "–"}
              {e.ip ? (
                <>
                  <br />
                  IP {e.ip}
                </>
              ) : null}
            </td>
            <td>{describeDetails(e.details)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const REASONS: Record<string, string> = {
  invalid_input: "ungültige Eingabe",
  unknown_user: "unbekanntes Konto",
  inactive: "Konto deaktiviert",
  wrong_password: "falsches Passwort",
  invalid: "falscher Code oder falsche E-Mail",
  used: "Code schon verwendet",
  expired: "Code abgelaufen oder ersetzt",
};

function describeDetails(details: unknown): string {
  if (!details || typeof details !== "object") return "–";
  const d = details as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d.from === "string" && typeof d.to === "string") parts.push(`Rolle: ${d.from} → ${d.to}`);
  if (typeof d.reason === "string") parts.push(`Grund: ${REASONS[d.reason] ?? d.reason}`);
  if (typeof d.role === "string" && d.from === undefined) parts.push(`Rolle: ${d.role}`);
  if (typeof d.retryAt === "string") parts.push(`gesperrt bis ${shortValue(d.retryAt)} (${d.by === "ip" ? "Adresse" : d.by === "email" ? "E-Mail" : "E-Mail und Adresse"})`);
  if (typeof d.expiresAt === "string") parts.push(`gültig bis ${shortValue(d.expiresAt)}`);
  if (typeof d.byName === "string") parts.push(`durch ${d.byName}`);
  return parts.length ? parts.join("; ") : shortValue(details);
}

function ChangesTable({ items }: { items: RevisionEntry[] }) {
  // Two columns (the newsroom column is narrow): what happened, and the changed fields.
  return (
    <table className="admin-table">
      <caption className="visually-hidden">Redaktionelle Änderungen</caption>
      <thead>
        <tr>
          <th scope="col">Wann, wer, was</th>
          <th scope="col">Geänderte Felder (vorher → nachher)</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => {
          const href = r.action === "delete" ? null : recordHref(r.entityType, r.entityId);
          const fields = Object.entries(r.changes);
          return (
            <tr key={r.id}>
              <td style={{ overflowWrap: "anywhere" }}>
                <Moment date={r.createdAt} seconds />
                <br />
                {r.user?.name ?? "–"}: {REVISION_ACTION_NAMES[r.action] ?? r.action}
                <br />
                {ENTITY_NAMES[r.entityType] ?? r.entityType}
                <br />
                {href ? (
                  <Link href={href}>
                    <code>{r.entityId}</code>
                  </Link>
                ) : (
                  <code>{r.entityId}</code>
                )}
                {r.version !== null ? `, Version ${r.version}` : null}
              </td>
              <td style={{ overflowWrap: "anywhere" }}>
                {fields.length === 0 ? (
                  "–"
                ) : (
                  <ul style={{ margin: 0, paddingLeft: "1rem" }}>
                    {fields.slice(0, MAX_FIELDS).map(([field, change]) => (
                      <li key={field}>
                        <code>{field}</code>:{" "}
                        {r.action === "create" ? (
                          shortValue(change?.after)
                        ) : (
                          <>
                            <del className="diff-del">{shortValue(change?.before)}</del> →{" "}
                            <ins className="diff-ins">{shortValue(change?.after)}</ins>
                          </>
                        )}
                      </li>
                    ))}
                    {fields.length > MAX_FIELDS ? <li>… und {fields.length - MAX_FIELDS} weitere Felder</li> : null}
                  </ul>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ListFilters, type ListFilter } from "@/components/admin/ListFilters";
import { ListResults } from "@/components/admin/ListResults";
import { Moment } from "@/components/admin/Moment";
import {
  AUDIT_ACTIONS,
  berlinDayEnd,
  berlinDayStart,
  listAuditEvents,
  listRevisionEntries,
  isAuditAction,
  type AuditEntry,
  type LogFilter,
  type RevisionEntry,
} from "@/lib/auth/audit";
import { requirePermission } from "@/lib/auth/session";
import { currentLocale } from "@/lib/desk-i18n";
import { choice, pageParam, param, type SearchParams } from "@/lib/editorial/listing";
import { listUserOptions } from "@/lib/editorial/users";
import type { Locale } from "@/lib/i18n";
import type { EntityType } from "@/lib/revisions";
import type { Translate } from "@/lib/messages";
import { describeDetails, ENTITY_TYPES, recordHref, REVISION_ACTIONS, revisionValue, type ShownValue } from "./format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.audit");
  return { title: t("title") };
}

type AuditT = Awaited<ReturnType<typeof getTranslations<"desk.audit">>>;

const isRevisionAction = (a: string): a is (typeof REVISION_ACTIONS)[number] => (REVISION_ACTIONS as readonly string[]).includes(a);
const isEntityType = (e: string): e is EntityType => (ENTITY_TYPES as readonly string[]).includes(e);

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
  const [users, result, t, tl, all, locale] = await Promise.all([
    listUserOptions(),
    log === "security" ? listAuditEvents(filter) : listRevisionEntries(filter),
    getTranslations("desk.audit"),
    getTranslations("desk.list"),
    getTranslations(),
    currentLocale(),
  ]);
  // The whole catalogue, for values named elsewhere in it (states, roles, kinds).
  const tAll = all as unknown as Translate;
  const actionOptions =
    log === "security"
      ? AUDIT_ACTIONS.map((value) => ({ value, label: `${t(`action.${value}`)} (${value})` }))
      : REVISION_ACTIONS.map((value) => ({ value, label: t(`revisionAction.${value}`) }));
  const filtered = Boolean(filter.userId || action || from || to || filter.entityType || filter.entityId || filter.q);
  // The filters only one log has: the record (changes), the e-mail or address (security).
  const logFields: ListFilter[] =
    log === "changes"
      ? [
          {
            name: "entityType",
            id: "audit-type",
            label: t("entityType"),
            emptyLabel: tl("all"),
            value: filter.entityType,
            options: ENTITY_TYPES.map((type) => ({ value: type, label: t(`entity.${type}`) })),
          },
          { name: "entityId", id: "audit-entity", label: t("entityId"), value: filter.entityId },
        ]
      : [{ name: "q", label: t("emailOrIp"), type: "search", value: filter.q }];

  return (
    <>
      <h1>{t("title")}</h1>
      <nav aria-label={t("logs")} className="tabs">
        <ul className="list-controls" style={{ listStyle: "none", padding: 0 }}>
          <li>
            <Link href="/admin/audit?log=security" aria-current={log === "security" ? "page" : undefined}>
              {log === "security" ? <strong>{t("security")}</strong> : t("security")}
            </Link>
          </li>
          <li>
            <Link href="/admin/audit?log=changes" aria-current={log === "changes" ? "page" : undefined}>
              {log === "changes" ? <strong>{t("changes")}</strong> : t("changes")}
            </Link>
          </li>
        </ul>
      </nav>
      <p>{log === "security" ? t("securityIntro") : t("changesIntro")}</p>

      <ListFilters
        action={PATH}
        label={t("filter")}
        searchLandmark={false}
        idPrefix="audit"
        hidden={{ log }}
        filtered={filtered}
        fields={[
          {
            name: "user",
            label: log === "security" ? t("account") : t("editedBy"),
            emptyLabel: tl("all"),
            value: filter.userId,
            options: users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
          },
          { name: "action", label: t("action.label"), emptyLabel: tl("all"), value: action, options: actionOptions },
          ...logFields,
          { name: "from", label: t("from"), type: "date", value: filter.from ? from : undefined },
          { name: "to", label: t("to"), type: "date", value: filter.to ? to : undefined },
        ]}
      />

      <p>{t("count", { count: result.total })}</p>
      <ListResults
        path={PATH}
        params={params}
        result={result}
        empty={filtered ? t("emptyFiltered") : t("empty")}
        scrollLabel={log === "security" ? t("securityLog") : t("changes")}
      >
        {log === "security" ? (
          <SecurityTable items={result.items as AuditEntry[]} t={t} tAll={tAll} locale={locale} />
        ) : (
          <ChangesTable items={result.items as RevisionEntry[]} t={t} tAll={tAll} locale={locale} />
        )}
      </ListResults>
    </>
  );
}

function SecurityTable({ items, t, tAll, locale }: { items: AuditEntry[]; t: AuditT; tAll: Translate; locale: Locale }) {
  return (
    <table className="admin-table">
      <caption className="visually-hidden">{t("securityLog")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("time")}</th>
          <th scope="col">{t("action.label")}</th>
          <th scope="col">{t("accountAddress")}</th>
          <th scope="col">{t("details")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.id}>
            <td>
              <Moment date={e.createdAt} seconds />
            </td>
            <td>
              {isAuditAction(e.action) ? t(`action.${e.action}`) : e.action}
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
                  {t("ip", { ip: e.ip })}
                </>
              ) : null}
            </td>
            <td>{describeDetails(e.details, tAll, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangesTable({ items, t, tAll, locale }: { items: RevisionEntry[]; t: AuditT; tAll: Translate; locale: Locale }) {
  // Two columns (the newsroom column is narrow): what happened, and the changed fields.
  return (
    <table className="admin-table">
      <caption className="visually-hidden">{t("changes")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("whenWhoWhat")}</th>
          <th scope="col">{t("changedFields")}</th>
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
                {r.user?.name ?? "–"}: {isRevisionAction(r.action) ? t(`revisionAction.${r.action}`) : r.action}
                <br />
                {isEntityType(r.entityType) ? t(`entity.${r.entityType}`) : r.entityType}
                <br />
                {href ? (
                  <Link href={href}>
                    <code>{r.entityId}</code>
                  </Link>
                ) : (
                  <code>{r.entityId}</code>
                )}
                {r.version !== null ? `, ${t("version", { version: r.version })}` : null}
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
                          <Value shown={revisionValue(r.entityType, field, change?.after, tAll, locale)} />
                        ) : (
                          <>
                            <del className="diff-del">
                              <Value shown={revisionValue(r.entityType, field, change?.before, tAll, locale)} />
                            </del>{" "}
                            →{" "}
                            <ins className="diff-ins">
                              <Value shown={revisionValue(r.entityType, field, change?.after, tAll, locale)} />
                            </ins>
                          </>
                        )}
                      </li>
                    ))}
                    {fields.length > MAX_FIELDS ? <li>{t("moreFields", { count: fields.length - MAX_FIELDS })}</li> : null}
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

/** A value of a revision: the record's own text marked as content (its own language, never
 * translated by the browser), the catalogue's words as the page's. */
function Value({ shown }: { shown: ShownValue }) {
  return shown.content ? <span translate="no">{shown.text}</span> : <>{shown.text}</>;
}

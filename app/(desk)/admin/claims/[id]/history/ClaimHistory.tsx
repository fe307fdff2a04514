// A claim's history (the desk's history page, app/(desk)/admin/claims/[id]/history, and the
// History tab of the claim workspace): every version with who made it and what changed, two
// versions compared word by word (?from=&to=), and the changes of its evidence. The same
// component in both places; only the addresses of its links and of its form differ.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Moment } from "@/components/admin/Moment";
import { diffWords, type DiffSegment } from "@/lib/diff";
import { CLAIM_FIELD_ORDER, claimHistory, claimVersions, isClaimField, valueLabels, type ClaimVersion } from "@/lib/editorial/claims";
import { param, type SearchParams } from "@/lib/editorial/listing";
import { currentLocale } from "@/lib/desk-i18n";
import { displayValue, type ValueWords } from "./values";

function fieldOrder(fields: Iterable<string>): string[] {
  const known = new Map(CLAIM_FIELD_ORDER.map((f, i) => [f, i]));
  return [...new Set(fields)].sort((a, b) => (known.get(a) ?? 999) - (known.get(b) ?? 999) || a.localeCompare(b));
}

function versionParam(params: SearchParams, name: string, versions: ClaimVersion[]): number | undefined {
  const raw = param(params, name);
  if (!raw || !/^\d{1,6}$/.test(raw)) return undefined;
  const n = Number(raw);
  return versions.some((v) => v.version === n) ? n : undefined;
}

/** One side of a word diff: the common words plain, its own changes marked. */
function Side({ segments, side }: { segments: DiffSegment[]; side: "before" | "after" }) {
  return (
    <>
      {segments.map((s, i) => {
        if (s.type === "equal") return <span key={i}>{s.text}</span>;
        if (side === "before" && s.type === "del") return <del key={i} className="diff-del">{s.text}</del>;
        if (side === "after" && s.type === "ins") return <ins key={i} className="diff-ins">{s.text}</ins>;
        return null;
      })}
    </>
  );
}

function VersionSelect({
  name,
  label,
  value,
  versions,
  action,
}: {
  name: "from" | "to";
  label: string;
  value: number | undefined;
  versions: ClaimVersion[];
  action: (a: ClaimVersion["action"]) => string;
}) {
  return (
    <div className="field">
      <label htmlFor={`history-${name}`}>{label}</label>
      <select id={`history-${name}`} name={name} defaultValue={String(value)}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {v.version} – {action(v.action)}, {v.by ?? "–"}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface ClaimHistoryAddress {
  /** Where the comparison's form goes (a GET form). */
  action: string;
  /** Fields the form sends besides from and to (the workspace's tab). */
  hidden?: Record<string, string>;
  /** The address comparing version `from` with `to`. */
  compare: (from: number, to: number) => string;
}

export async function ClaimHistory({ claimId, query, address }: { claimId: string; query: SearchParams; address: ClaimHistoryAddress }) {
  const [t, field, status, stance, locale] = await Promise.all([
    getTranslations("desk.claimHistory"),
    getTranslations("msg.claimField"),
    getTranslations("status"),
    getTranslations("desk.stance"),
    currentLocale(),
  ]);
  const label = (f: string) => (isClaimField(f) ? field(f) : f);
  const actionName = (a: ClaimVersion["action"]) => t(`action.${a}`);
  const words: ValueWords = {
    locale,
    deleted: (v) => t("values.deleted", { id: v }),
    chars: (start, end) => t("values.chars", { start, end }),
    frozen: t("values.frozen"),
    status: (s) => status(s),
    stance: (s) => stance(s),
  };
  const show = (f: string, value: unknown, labels: Parameters<typeof displayValue>[2]) => displayValue(f, value, labels, words);
  const [versions, history] = await Promise.all([claimVersions(claimId), claimHistory(claimId)]);
  const evidenceEntries = history.filter((h) => h.entityType === "Evidence");

  const latest = versions[versions.length - 1];
  const to = versionParam(query, "to", versions) ?? latest?.version;
  const defaultFrom = versions[versions.findIndex((v) => v.version === to) - 1]?.version ?? to;
  const from = versionParam(query, "from", versions) ?? defaultFrom;
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);

  const labels = await valueLabels([
    ...versions.map((v) => v.values),
    ...evidenceEntries.flatMap((e) => [
      Object.fromEntries(Object.entries(e.changes).map(([k, c]) => [k, c.before])),
      Object.fromEntries(Object.entries(e.changes).map(([k, c]) => [k, c.after])),
    ]),
  ], undefined, locale);

  const compared =
    a && b
      ? fieldOrder([...Object.keys(a.values), ...Object.keys(b.values)])
          .filter((f) => f !== "id" && f !== "createdAt" && f !== "updatedAt")
          .map((field) => {
            const before = show(field, a.values[field], labels);
            const after = show(field, b.values[field], labels);
            return { field, before, after, segments: diffWords(before, after) };
          })
      : [];
  const changedFields = compared.filter((c) => c.before !== c.after);
  const unchangedCount = compared.length - changedFields.length;

  // The last known excerpt of each piece of evidence, to name it in the list.
  const evidenceNames = new Map<string, string>();
  for (const e of evidenceEntries) {
    const excerpt = e.changes.excerpt?.after ?? e.changes.excerpt?.before;
    if (typeof excerpt === "string" && excerpt) evidenceNames.set(e.entityId, excerpt.length > 90 ? `${excerpt.slice(0, 90)} …` : excerpt);
  }

  return (
    <>
      <section className="claim-section" aria-labelledby="versionen">
        <h2 id="versionen">{t("versions")}</h2>
        {versions.length === 0 ? (
          <p className="empty-state">{t("noVersions")}</p>
        ) : (
          <table className="admin-table">
            <caption className="visually-hidden">{t("versionsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("version")}</th>
                <th scope="col">{t("at")}</th>
                <th scope="col">{t("by")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("changedFields")}</th>
                <th scope="col">{t("comparison")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v, i) => {
                const previous = versions[i - 1];
                return (
                  <tr key={v.version}>
                    <th scope="row">{v.version}</th>
                    <td>
                      <Moment date={v.at} />
                    </td>
                    <td>{v.by ?? "–"}</td>
                    <td>
                      {v.action === "transition" && typeof v.values.status === "string" && v.changed.includes("status")
                        ? `${actionName(v.action)}: ${show("status", v.values.status, labels)}`
                        : actionName(v.action)}
                    </td>
                    <td>{v.action === "create" ? t("allFields") : fieldOrder(v.changed).map(label).join(", ") || "–"}</td>
                    <td>
                      {previous ? (
                        <Link href={`${address.compare(previous.version, v.version)}#vergleich`}>
                          {t("compareWith", { version: previous.version })}
                        </Link>
                      ) : (
                        "–"
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      {versions.length > 0 && a && b ? (
        <section className="claim-section" aria-labelledby="vergleich">
          <h2 id="vergleich">{t("comparison")}</h2>
          <form method="get" action={address.action} className="list-controls" aria-label={t("chooseVersions")}>
            {Object.entries(address.hidden ?? {}).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <VersionSelect name="from" label={t("fromVersion")} value={from} versions={versions} action={actionName} />
            <VersionSelect name="to" label={t("toVersion")} value={to} versions={versions} action={actionName} />
            <button type="submit" className="button">
              {t("compare")}
            </button>
          </form>

          {changedFields.length === 0 ? (
            <p className="empty-state">
              {from === to ? t("sameVersion", { version: from ?? 0 }) : t("noDifference", { from: from ?? 0, to: to ?? 0 })}
            </p>
          ) : (
            <table className="admin-table history-compare">
              <caption>
                {t("differencesFrom", { version: from ?? 0 })} (<Moment date={a.at} />) {t("differencesTo", { version: to ?? 0 })} (<Moment date={b.at} />)
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("field")}</th>
                  <th scope="col">{t("versionN", { version: from ?? 0 })}</th>
                  <th scope="col">{t("versionN", { version: to ?? 0 })}</th>
                </tr>
              </thead>
              <tbody>
                {changedFields.map((c) => (
                  <tr key={c.field}>
                    <th scope="row">{label(c.field)}</th>
                    <td className="diff-cell" translate="no">{c.before === "" ? <span className="muted">{t("emptyValue")}</span> : <Side segments={c.segments} side="before" />}</td>
                    <td className="diff-cell" translate="no">{c.after === "" ? <span className="muted">{t("emptyValue")}</span> : <Side segments={c.segments} side="after" />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {unchangedCount > 0 && changedFields.length > 0 ? <p className="muted">{t("unchanged", { count: unchangedCount })}</p> : null}
        </section>
      ) : null}

      <section className="claim-section" aria-labelledby="beleg-aenderungen">
        <h2 id="beleg-aenderungen">{t("evidenceChanges")}</h2>
        {evidenceEntries.length === 0 ? (
          <p className="empty-state">{t("noEvidence")}</p>
        ) : (
          <table className="admin-table">
            <caption className="visually-hidden">{t("evidenceCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("at")}</th>
                <th scope="col">{t("by")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("evidence")}</th>
                <th scope="col">{t("changes")}</th>
              </tr>
            </thead>
            <tbody>
              {evidenceEntries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Moment date={e.at} />
                  </td>
                  <td>{e.by ?? "–"}</td>
                  <td>
                    {e.action === "create" ? t("evidenceAdded") : e.action === "delete" ? t("evidenceRemoved") : t("evidenceChanged")}
                    {e.version ? ` (${t("versionN", { version: e.version })})` : ""}
                  </td>
                  <td translate="no">{t("quoted", { text: evidenceNames.get(e.entityId) ?? e.entityId })}</td>
                  <td>
                    {e.action === "update" ? (
                      <ul>
                        {fieldOrder(Object.keys(e.changes)).map((field) => {
                          const before = show(field, e.changes[field]?.before, labels);
                          const after = show(field, e.changes[field]?.after, labels);
                          const segments = diffWords(before, after);
                          return (
                            <li key={field}>
                              {label(field)}:{" "}
                              <span translate="no">
                                <Side segments={segments} side="before" /> → <Side segments={segments} side="after" />
                              </span>
                            </li>
                          );
                        })}
                      </ul>
                    ) : (
                      <EvidenceSummary
                        stance={show("stance", (e.changes.stance?.after ?? e.changes.stance?.before) as unknown, labels)}
                        source={show("sourceId", (e.changes.sourceId?.after ?? e.changes.sourceId?.before) as unknown, labels)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/** An added or removed piece of evidence: its stance (the catalogue's words) and its source's
 * title (content, in its own language). */
function EvidenceSummary({ stance, source }: { stance: string; source: string }) {
  return (
    <span className="muted">
      {stance}
      {stance && source ? " – " : null}
      {source ? <span translate="no">{source}</span> : null}
    </span>
  );
}

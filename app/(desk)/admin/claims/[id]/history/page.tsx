import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Moment } from "@/components/admin/Moment";
import { requirePermission } from "@/lib/auth/session";
import { diffWords, type DiffSegment } from "@/lib/diff";
import {
  CLAIM_FIELD_LABELS,
  CLAIM_FIELD_ORDER,
  claimHistory,
  claimVersions,
  displayValue,
  valueLabels,
  type ClaimVersion,
  type HistoryEntry,
  type ValueLabels,
} from "@/lib/editorial/claims";
import { STANCE_LABELS } from "@/lib/editorial/evidence";
import { param, type SearchParams } from "@/lib/editorial/listing";
import { db } from "@/lib/db/client";
import "../../claims.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Versionsgeschichte einer Behauptung" };

const ACTION_LABELS: Record<HistoryEntry["action"], string> = {
  create: "Angelegt",
  update: "Geändert",
  delete: "Gelöscht",
  transition: "Arbeitsschritt",
};

const label = (field: string) => CLAIM_FIELD_LABELS[field] ?? field;

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

function VersionSelect({ name, label, value, versions }: { name: "from" | "to"; label: string; value: number | undefined; versions: ClaimVersion[] }) {
  return (
    <div className="field">
      <label htmlFor={`history-${name}`}>{label}</label>
      <select id={`history-${name}`} name={name} defaultValue={String(value)}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {v.version} – {ACTION_LABELS[v.action]}, {v.by ?? "–"}
          </option>
        ))}
      </select>
    </div>
  );
}

function evidenceChangeText(field: string, value: unknown, labels: ValueLabels): string {
  if (field === "stance" && typeof value === "string") return STANCE_LABELS[value as keyof typeof STANCE_LABELS] ?? value;
  return displayValue(field, value, labels);
}

export default async function ClaimHistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  await requirePermission("desk.view", `/admin/claims/${id}/history`);
  const query = await searchParams;
  const claim = await db.claim.findUnique({ where: { id }, select: { id: true, text: true, version: true } });
  if (!claim) notFound();
  const [versions, history] = await Promise.all([claimVersions(claim.id), claimHistory(claim.id)]);
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
  ]);

  const compared =
    a && b
      ? fieldOrder([...Object.keys(a.values), ...Object.keys(b.values)])
          .filter((f) => f !== "id" && f !== "createdAt" && f !== "updatedAt")
          .map((field) => {
            const before = displayValue(field, a.values[field], labels);
            const after = displayValue(field, b.values[field], labels);
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
    <div className="claim-desk">
      <p>
        <Link href={`/admin/claims/${claim.id}`}>← Zur Behauptung</Link>
      </p>
      <h1>Versionsgeschichte</h1>
      <p className="muted">{claim.text}</p>

      <section className="claim-section" aria-labelledby="versionen">
        <h2 id="versionen">Versionen</h2>
        {versions.length === 0 ? (
          <p className="empty-state">Für diese Behauptung sind keine Versionen verzeichnet.</p>
        ) : (
          <table className="admin-table">
            <caption className="visually-hidden">Versionen der Behauptung, älteste zuerst</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Zeitpunkt</th>
                <th scope="col">Von</th>
                <th scope="col">Art</th>
                <th scope="col">Geänderte Felder</th>
                <th scope="col">Vergleich</th>
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
                    <td>{v.action === "transition" && typeof v.values.status === "string" && v.changed.includes("status")
                      ? `${ACTION_LABELS[v.action]}: ${displayValue("status", v.values.status, labels)}`
                      : ACTION_LABELS[v.action]}</td>
                    <td>{v.action === "create" ? "alle" : fieldOrder(v.changed).map(label).join(", ") || "–"}</td>
                    <td>
                      {previous ? (
                        <Link href={`/admin/claims/${claim.id}/history?from=${previous.version}&to=${v.version}#vergleich`}>
                          mit Version {previous.version} vergleichen
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
          <h2 id="vergleich">Vergleich</h2>
          <form method="get" className="list-controls" aria-label="Versionen zum Vergleich wählen">
            <VersionSelect name="from" label="Von Version" value={from} versions={versions} />
            <VersionSelect name="to" label="Bis Version" value={to} versions={versions} />
            <button type="submit" className="button">
              Vergleichen
            </button>
          </form>

          {changedFields.length === 0 ? (
            <p className="empty-state">
              {from === to ? `Version ${from} mit sich selbst verglichen: keine Unterschiede.` : `Zwischen Version ${from} und ${to} unterscheidet sich kein Feld.`}
            </p>
          ) : (
            <table className="admin-table history-compare">
              <caption>
                Unterschiede zwischen Version {from} (<Moment date={a.at} />) und Version {to} (<Moment date={b.at} />)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Feld</th>
                  <th scope="col">Version {from}</th>
                  <th scope="col">Version {to}</th>
                </tr>
              </thead>
              <tbody>
                {changedFields.map((c) => (
                  <tr key={c.field}>
                    <th scope="row">{label(c.field)}</th>
                    <td className="diff-cell">{c.before === "" ? <span className="muted">(leer)</span> : <Side segments={c.segments} side="before" />}</td>
                    <td className="diff-cell">{c.after === "" ? <span className="muted">(leer)</span> : <Side segments={c.segments} side="after" />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {unchangedCount > 0 && changedFields.length > 0 ? <p className="muted">{unchangedCount} weitere Felder sind unverändert.</p> : null}
        </section>
      ) : null}

      <section className="claim-section" aria-labelledby="beleg-aenderungen">
        <h2 id="beleg-aenderungen">Änderungen an Belegen</h2>
        {evidenceEntries.length === 0 ? (
          <p className="empty-state">Keine Belege verzeichnet.</p>
        ) : (
          <table className="admin-table">
            <caption className="visually-hidden">Änderungen an den Belegen der Behauptung, älteste zuerst</caption>
            <thead>
              <tr>
                <th scope="col">Zeitpunkt</th>
                <th scope="col">Von</th>
                <th scope="col">Art</th>
                <th scope="col">Beleg</th>
                <th scope="col">Änderungen</th>
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
                    {e.action === "create" ? "Hinzugefügt" : e.action === "delete" ? "Entfernt" : "Geändert"}
                    {e.version ? ` (Version ${e.version})` : ""}
                  </td>
                  <td>„{evidenceNames.get(e.entityId) ?? e.entityId}“</td>
                  <td>
                    {e.action === "update" ? (
                      <ul>
                        {fieldOrder(Object.keys(e.changes)).map((field) => {
                          const before = evidenceChangeText(field, e.changes[field]?.before, labels);
                          const after = evidenceChangeText(field, e.changes[field]?.after, labels);
                          const segments = diffWords(before, after);
                          return (
                            <li key={field}>
                              {label(field)}: <Side segments={segments} side="before" /> → <Side segments={segments} side="after" />
                            </li>
                          );
                        })}
                      </ul>
                    ) : (
                      <span className="muted">
                        {[
                          evidenceChangeText("stance", (e.changes.stance?.after ?? e.changes.stance?.before) as unknown, labels),
                          evidenceChangeText("sourceId", (e.changes.sourceId?.after ?? e.changes.sourceId?.before) as unknown, labels),
                        ]
                          .filter(Boolean)
                          .join(" – ")}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

"use client";
// The file of an import, sent to the server as it is (app/api/admin/import): the request body
// streams, so a file of 100,000 rows never sits whole in the server's memory, and the bar shows
// how much has been sent and how many rows have been read. Then the preview page opens.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

type State =
  | { phase: "idle" }
  | { phase: "sending"; sent: number; size: number; rows: number }
  | { phase: "error"; message: string };

async function errorOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: string };
    return body.error ?? `Fehler ${response.status}`;
  } catch {
    return `Fehler ${response.status}`;
  }
}

export function ImportUpload({ maxMegabytes, canPublish }: { maxMegabytes: number; canPublish: boolean }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ phase: "idle" });
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setState({ phase: "error", message: "Bitte wählen Sie eine Datei (nicht leer)." });
      return;
    }
    if (file.size > maxMegabytes * 2 ** 20) {
      setState({ phase: "error", message: `Die Datei ist größer als ${maxMegabytes} MB.` });
      return;
    }
    setState({ phase: "sending", sent: 0, size: file.size, rows: 0 });
    const started = await fetch("/api/admin/import", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: form.get("kind"), format: form.get("format") || null, filename: file.name }),
    });
    if (!started.ok) {
      setState({ phase: "error", message: await errorOf(started) });
      return;
    }
    const { id } = (await started.json()) as { id: string };
    poll.current = setInterval(async () => {
      const r = await fetch(`/api/admin/import/${id}`, { cache: "no-store" });
      if (r.ok) {
        const p = (await r.json()) as { processed: number };
        setState((s) => (s.phase === "sending" ? { ...s, rows: p.processed } : s));
      }
    }, 1000);
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", `/api/admin/import/${id}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => setState((s) => (s.phase === "sending" ? { ...s, sent: e.loaded } : s));
    const done = () => {
      if (poll.current) clearInterval(poll.current);
    };
    xhr.onload = () => {
      done();
      // Read or refused: the import's page says which, and why.
      if (xhr.status === 200 || xhr.status === 422) router.push(`/admin/import/${id}`);
      else {
        let message = `Fehler ${xhr.status}`;
        try {
          message = (JSON.parse(xhr.responseText) as { error?: string }).error ?? message;
        } catch {
          // not JSON: the status says enough
        }
        setState({ phase: "error", message });
      }
    };
    xhr.onerror = () => {
      done();
      setState({ phase: "error", message: "Die Verbindung wurde unterbrochen; die Datei ist nicht vollständig angekommen." });
    };
    xhr.send(file);
  }

  const sending = state.phase === "sending";
  return (
    <form className="admin-form" onSubmit={submit}>
      <fieldset>
        <legend>Was wird importiert?</legend>
        <div className="field field--checkbox">
          <input type="radio" id="import-kind-external" name="kind" value="external" defaultChecked />
          <label htmlFor="import-kind-external">Faktenchecks anderer Redaktionen (werden nie zu unseren Bewertungen)</label>
        </div>
        <div className="field field--checkbox">
          <input type="radio" id="import-kind-own" name="kind" value="own" />
          <label htmlFor="import-kind-own">
            Eigene Bewertungen aus unserem Archiv (werden veröffentlicht, sobald {canPublish ? "eine andere Person mit" : "jemand mit"} Administrationsrechten bestätigt)
          </label>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="import-format">Format</label>
        <select id="import-format" name="format" defaultValue="">
          <option value="">automatisch erkennen</option>
          <option value="claimreview">ClaimReview (JSON-LD, DataFeed, @graph)</option>
          <option value="factcheck-tools">Fact-Check-Tools-Antwort (claims:search)</option>
          <option value="html">HTML-Seite mit JSON-LD</option>
          <option value="csv">CSV</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="import-file">Datei</label>
        <input id="import-file" name="file" type="file" required accept=".json,.jsonld,.csv,.txt,.html,.htm,application/json,application/ld+json,text/csv,text/html" />
        <p className="field__hint">UTF-8, höchstens {maxMegabytes} MB. Nichts wird geschrieben, bevor Sie die Vorschau bestätigt haben.</p>
      </div>
      {sending ? (
        <div role="status" aria-live="polite" className="form-status">
          <progress max={state.size} value={state.sent} /> {Math.floor((state.sent / state.size) * 100)} % gesendet,{" "}
          {state.rows.toLocaleString("de-DE")} Einträge gelesen
        </div>
      ) : state.phase === "error" ? (
        <div role="alert" className="form-status form-status--error">
          <p>{state.message}</p>
        </div>
      ) : null}
      <div className="admin-form__actions">
        <button type="submit" disabled={sending} aria-disabled={sending}>
          {sending ? "Wird eingelesen …" : "Einlesen und Vorschau zeigen"}
        </button>
      </div>
      <noscript>
        <p>Das Hochladen braucht JavaScript (für den Fortschritt großer Dateien); ohne JavaScript: npm run import -- DATEI.</p>
      </noscript>
    </form>
  );
}

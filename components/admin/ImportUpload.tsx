"use client";
// The file of an import, sent to the server as it is (app/api/admin/import): the request body
// streams, so a file of 100,000 rows never sits whole in the server's memory, and the bar shows
// how much has been sent and how many rows have been read. Then the preview page opens.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { isMessage, type Message } from "@/lib/messages";
import { useMessageText } from "./useMessageText";
import { useRef, useState } from "react";

type State =
  | { phase: "idle" }
  | { phase: "sending"; sent: number; size: number; rows: number }
  | { phase: "error"; message: string };

/** The API's refusals (app/api/admin/import) the form names in its own words. */
const API_ERRORS = ["unsupported_media_type", "request_too_large", "bad_json", "bad_input", "not_found", "file_too_large", "no_body"] as const;
type ApiError = (typeof API_ERRORS)[number];

/** What the API said: a code, maybe with the domain's Message (its `detail`). */
function parseError(body: string): { error?: string; detail?: Message } {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; detail?: unknown };
    return { error: typeof parsed.error === "string" ? parsed.error : undefined, detail: isMessage(parsed.detail) ? parsed.detail : undefined };
  } catch {
    return {}; // not JSON: the status says enough
  }
}

export function ImportUpload({ maxMegabytes, canPublish }: { maxMegabytes: number; canPublish: boolean }) {
  const router = useRouter();
  const t = useTranslations("desk.importForm");
  const text = useMessageText();
  const [state, setState] = useState<State>({ phase: "idle" });
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);

  /** A refusal of the API in the reader's language. */
  function errorText(status: number, body: string): string {
    const { error, detail } = parseError(body);
    if (detail) return text(detail);
    if (error === "unauthenticated" || error === "forbidden") return text({ key: `msg.error.${error}` });
    if (error && (API_ERRORS as readonly string[]).includes(error)) return t(`apiError.${error as ApiError}`);
    return t("errorStatus", { status });
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setState({ phase: "error", message: t("chooseFile") });
      return;
    }
    if (file.size > maxMegabytes * 2 ** 20) {
      setState({ phase: "error", message: t("fileTooLarge", { max: maxMegabytes }) });
      return;
    }
    setState({ phase: "sending", sent: 0, size: file.size, rows: 0 });
    const started = await fetch("/api/admin/import", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: form.get("kind"), format: form.get("format") || null, filename: file.name }),
    });
    if (!started.ok) {
      setState({ phase: "error", message: errorText(started.status, await started.text()) });
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
        setState({ phase: "error", message: errorText(xhr.status, xhr.responseText) });
      }
    };
    xhr.onerror = () => {
      done();
      setState({ phase: "error", message: t("connectionLost") });
    };
    xhr.send(file);
  }

  const sending = state.phase === "sending";
  return (
    <form className="admin-form" onSubmit={submit}>
      <fieldset>
        <legend>{t("kindLegend")}</legend>
        <div className="field field--checkbox">
          <input type="radio" id="import-kind-external" name="kind" value="external" defaultChecked />
          <label htmlFor="import-kind-external">{t("kindExternal")}</label>
        </div>
        <div className="field field--checkbox">
          <input type="radio" id="import-kind-own" name="kind" value="own" />
          <label htmlFor="import-kind-own">{t(canPublish ? "kindOwnOther" : "kindOwnAnyone")}</label>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="import-format">{t("format")}</label>
        <select id="import-format" name="format" defaultValue="">
          <option value="">{t("formatAuto")}</option>
          <option value="claimreview">{t("formatName.claimreview")}</option>
          <option value="factcheck-tools">{t("formatName.factcheckTools")}</option>
          <option value="html">{t("formatName.html")}</option>
          <option value="csv">{t("formatName.csv")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="import-file">{t("file")}</label>
        <input id="import-file" name="file" type="file" required accept=".json,.jsonld,.csv,.txt,.html,.htm,application/json,application/ld+json,text/csv,text/html" />
        <p className="field__hint">{t("fileHint", { max: maxMegabytes })}</p>
      </div>
      {sending ? (
        <div role="status" aria-live="polite" className="form-status">
          <progress max={state.size} value={state.sent} /> {t("sending", { percent: Math.floor((state.sent / state.size) * 100), rows: state.rows })}
        </div>
      ) : state.phase === "error" ? (
        <div role="alert" className="form-status form-status--error">
          <p>{state.message}</p>
        </div>
      ) : null}
      <div className="admin-form__actions">
        <button type="submit" disabled={sending} aria-disabled={sending}>
          {sending ? t("reading") : t("submit")}
        </button>
      </div>
      <noscript>
        <p>{t("noscript")}</p>
      </noscript>
    </form>
  );
}

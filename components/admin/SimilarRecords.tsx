"use client";
// "Ähnliche Einträge": while the editor types into the form's input `inputName`, asks
// /api/admin/similar (debounced) for existing records like it, so that nobody creates the same
// speaker or claim twice. Works with any input of the surrounding form, also one that
// re-mounts after a refused save (it listens on the form, not on the input). The list is an
// aria-live region: screen readers hear when suggestions appear.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
// Its styles, so that any page using the component gets them (not only the ones that import it).
import "@/app/(desk)/admin/editorial.css";

interface Item {
  id: string;
  label: string;
  /** A speaker: the alias that matched; a claim: its status (shown in the page's language). */
  alias?: string | null;
  status?: string | null;
  href: string;
}

const CLAIM_STATUSES = ["draft", "in_research", "in_review", "published", "corrected", "retracted"] as const;
const isClaimStatus = (s: string): s is (typeof CLAIM_STATUSES)[number] => (CLAIM_STATUSES as readonly string[]).includes(s);

const DEBOUNCE_MS = 250;
const MIN_LENGTH = 3;

export function SimilarRecords({
  kind,
  inputName,
  excludeId,
  heading,
}: {
  kind: "speaker" | "claim";
  /** The name of the input to watch (in the same form). */
  inputName: string;
  /** The record being edited, left out of the suggestions. */
  excludeId?: string;
  heading?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useTranslations("desk.similar");
  const statusName = useTranslations("status");
  const [items, setItems] = useState<Item[]>([]);

  useEffect(() => {
    const root: Document | HTMLFormElement = ref.current?.closest("form") ?? document;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    let lastQuery = "";

    const lookUp = async (q: string) => {
      controller?.abort();
      if (q.length < MIN_LENGTH) {
        setItems([]);
        return;
      }
      const current = new AbortController();
      controller = current;
      const params = new URLSearchParams({ kind, q });
      if (excludeId) params.set("exclude", excludeId);
      try {
        const res = await fetch(`/api/admin/similar?${params}`, { signal: current.signal, headers: { accept: "application/json" } });
        if (!res.ok) {
          setItems([]);
          return;
        }
        const body = (await res.json()) as { items?: Item[] };
        if (!current.signal.aborted) setItems(body.items ?? []);
      } catch {
        // Aborted by a newer keystroke, or offline: suggestions are a help, not a must.
      }
    };

    const onInput = (event: Event) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) || target.name !== inputName) return;
      const q = target.value.trim().replace(/\s+/g, " ");
      if (q === lastQuery) return;
      lastQuery = q;
      clearTimeout(timer);
      timer = setTimeout(() => void lookUp(q), DEBOUNCE_MS);
    };

    root.addEventListener("input", onInput);
    return () => {
      root.removeEventListener("input", onInput);
      clearTimeout(timer);
      controller?.abort();
    };
  }, [kind, inputName, excludeId]);

  return (
    <div ref={ref} className="similar-records" aria-live="polite" aria-atomic="true">
      {items.length > 0 && (
        <>
          <p className="similar-records__heading">{heading ?? t("heading")}</p>
          <ul>
            {items.map((item) => (
              <li key={item.id}>
                <Link href={item.href}>{item.label}</Link>
                {item.alias ? <span className="muted"> – {t("alias", { alias: item.alias })}</span> : null}
                {item.status && isClaimStatus(item.status) ? <span className="muted"> – {statusName(item.status)}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

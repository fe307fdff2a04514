"use client";
// The progress bar of an import being read or written: it asks the server every second
// (app/api/admin/import/[id]) and reloads the page when the import's state changes.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

export function ImportProgress({ id, status, processed, total, label }: { id: string; status: string; processed: number; total: number; label: string }) {
  const router = useRouter();
  const [now, setNow] = useState({ processed, total });
  useEffect(() => {
    const timer = setInterval(async () => {
      const r = await fetch(`/api/admin/import/${id}`, { cache: "no-store" });
      if (!r.ok) return;
      const p = (await r.json()) as { status: string; processed: number; total: number };
      setNow({ processed: p.processed, total: p.total });
      if (p.status !== status) router.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [id, status, router]);
  return (
    <div role="status" aria-live="polite" className="form-status">
      <p>
        {label}: {now.processed.toLocaleString("de-DE")}
        {now.total > 0 ? ` von ${now.total.toLocaleString("de-DE")}` : ""} Einträge
      </p>
      {now.total > 0 ? <progress max={now.total} value={now.processed} /> : <progress />}
    </div>
  );
}

"use client";
// The progress bar of an import being read or written: it asks the server every second
// (app/api/admin/import/[id]) and reloads the page when the import's state changes.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

export function ImportProgress({ id, status, processed, total }: { id: string; status: "reading" | "importing"; processed: number; total: number }) {
  const t = useTranslations("desk.importForm");
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
  const label = t(status === "reading" ? "read" : "written");
  return (
    <div role="status" aria-live="polite" className="form-status">
      <p>{now.total > 0 ? t("progress", { label, done: now.processed, total: now.total }) : t("progressCount", { label, done: now.processed })}</p>
      {now.total > 0 ? <progress max={now.total} value={now.processed} /> : <progress />}
    </div>
  );
}

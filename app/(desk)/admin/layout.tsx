import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";
import { AdminNav } from "@/components/admin/AdminNav";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// The guard runs here and again in every page: layouts are not re-rendered on client-side
// navigation between pages that share them. The layout also frames "My account", where an
// account that must still enrol a second factor does so (the pages send it there).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/admin", { beforeSecondFactor: true });
  return (
    <div className="admin">
      <AdminNav user={user} />
      <div className="admin__main">{children}</div>
    </div>
  );
}

import Link from "next/link";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";

// The newsroom's sections. A link is shown only to roles that may use the page; the pages
// check the same permission on the server.
const SECTIONS: { href: string; label: string; permission: Permission }[] = [
  { href: "/admin", label: "Übersicht", permission: "desk.view" },
  { href: "/admin/claims", label: "Behauptungen", permission: "desk.view" },
  { href: "/admin/review", label: "Prüfung", permission: "desk.view" },
  { href: "/admin/quotes", label: "Zitate", permission: "desk.view" },
  { href: "/admin/speakers", label: "Sprecher", permission: "desk.view" },
  { href: "/admin/sources", label: "Quellen", permission: "desk.view" },
  { href: "/admin/articles", label: "Artikel", permission: "desk.view" },
  { href: "/admin/external-checks", label: "Externe Faktenchecks", permission: "desk.view" },
  { href: "/admin/import", label: "Import", permission: "import.run" },
  { href: "/admin/export", label: "Export", permission: "desk.view" },
  { href: "/admin/topics", label: "Themen", permission: "taxonomy.manage" },
  { href: "/admin/verdicts", label: "Bewertungsskala", permission: "taxonomy.manage" },
  { href: "/admin/users", label: "Konten", permission: "users.manage" },
  { href: "/admin/audit", label: "Protokoll", permission: "audit.view" },
  { href: "/admin/account", label: "Mein Konto", permission: "account.manage" },
];

export function AdminNav({ user }: { user: SessionUser }) {
  return (
    <nav className="admin-nav" aria-label="Redaktion">
      <ul>
        {SECTIONS.filter((s) => can(user.role, s.permission)).map((s) => (
          <li key={s.href}>
            <Link href={s.href}>{s.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";

// The newsroom's sections. A link is shown only to roles that may use the page; the pages
// check the same permission on the server.
const SECTIONS: { href: string; key: "overview" | "claims" | "review" | "quotes" | "speakers" | "sources" | "articles" | "externalChecks" | "import" | "export" | "topics" | "verdicts" | "users" | "audit" | "account"; permission: Permission }[] = [
  { href: "/admin", key: "overview", permission: "desk.view" },
  { href: "/admin/claims", key: "claims", permission: "desk.view" },
  { href: "/admin/review", key: "review", permission: "desk.view" },
  { href: "/admin/quotes", key: "quotes", permission: "desk.view" },
  { href: "/admin/speakers", key: "speakers", permission: "desk.view" },
  { href: "/admin/sources", key: "sources", permission: "desk.view" },
  { href: "/admin/articles", key: "articles", permission: "desk.view" },
  { href: "/admin/external-checks", key: "externalChecks", permission: "desk.view" },
  { href: "/admin/import", key: "import", permission: "import.run" },
  { href: "/admin/export", key: "export", permission: "desk.view" },
  { href: "/admin/topics", key: "topics", permission: "taxonomy.manage" },
  { href: "/admin/verdicts", key: "verdicts", permission: "taxonomy.manage" },
  { href: "/admin/users", key: "users", permission: "users.manage" },
  { href: "/admin/audit", key: "audit", permission: "audit.view" },
  { href: "/admin/account", key: "account", permission: "account.manage" },
];

export async function AdminNav({ user }: { user: SessionUser }) {
  const t = await getTranslations("desk.nav");
  return (
    <nav className="admin-nav" aria-label={t("label")}>
      <ul>
        {SECTIONS.filter((s) => can(user.role, s.permission)).map((s) => (
          <li key={s.href}>
            <Link href={s.href}>{t(s.key)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

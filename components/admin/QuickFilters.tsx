// The quick filters above a newsroom list ("My claims", "Assigned to me"): links that set a
// filter of the list in the URL, the one in effect marked as current. The list's form keeps
// them when other filters change (ListFilters' `keep`).
import Link from "next/link";

export interface QuickFilter {
  href: string;
  label: string;
  current: boolean;
}

export function QuickFilters({ label, filters }: { label: string; filters: QuickFilter[] }) {
  return (
    <nav aria-label={label}>
      <ul className="quick-filters">
        {filters.map((f) => (
          <li key={f.href}>
            <Link href={f.href} aria-current={f.current ? "page" : undefined}>
              {f.current ? <strong>{f.label}</strong> : f.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// The addresses of the claim workspace: /admin/claims/[id], a tab (?tab=verdict; Details is the
// page without one), the source shown beside it (&source=), and the history's comparison
// (&from=&to=).
import type { WorkspaceTab } from "@/lib/editorial/workspace";

export function workspaceHref(claimId: string, tab: WorkspaceTab, extra: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams();
  if (tab !== "details") query.set("tab", tab);
  for (const [name, value] of Object.entries(extra)) if (value !== undefined && value !== "") query.set(name, String(value));
  const search = query.toString();
  return `/admin/claims/${claimId}${search ? `?${search}` : ""}`;
}

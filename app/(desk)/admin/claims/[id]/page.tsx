// The claim workspace (issue 13 point 2). Above: the claim, its workflow state and its next
// step (./ClaimHeader.tsx), on every tab. Beside the tabs on a wide screen, above them on a
// narrow one: the source text the claim comes from, with its passages marked and the passage
// picker (./ClaimSource.tsx). The tabs: Details, Verdict, Evidence, Workflow, Discussion,
// History (WAI-ARIA tabs, components/admin/WorkspaceTabs.tsx). Each tab has an address
// (?tab=verdict, Details without one; anything else is Details); the server renders the chosen
// tab's panel only, so a deep link works without JavaScript and the other tabs' forms are not
// in the page. Switching tabs is a navigation: every form is an ActionForm of its own
// (./panels.tsx), so nothing typed into a form is lost to another form's save.
//
// What the page shows is read through lib/editorial/workspace.ts.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { WorkspaceTabs } from "@/components/admin/WorkspaceTabs";
import { panelId, tabId } from "@/components/admin/tab-keys";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { param, type SearchParams } from "@/lib/editorial/listing";
import { claimHeading, loadClaimWorkspace, WORKSPACE_TABS, workspaceTab, type WorkspaceTab } from "@/lib/editorial/workspace";
import { currentLocale } from "@/lib/desk-i18n";
import { ClaimHeader } from "./ClaimHeader";
import { ClaimSource } from "./ClaimSource";
import { ClaimHistory } from "./history/ClaimHistory";
import { workspaceHref } from "./href";
import { DetailsPanel, DiscussionPanel, EvidencePanel, mayEditEvidence, VerdictPanel, WorkflowTabPanel } from "./panels";
import "../claims.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [claim, t] = await Promise.all([claimHeading((await params).id), getTranslations("desk.claim")]);
  return { title: claim ? t("titleOf", { text: claim.text.slice(0, 60) }) : t("title") };
}

export default async function ClaimPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission("desk.view", `/admin/claims/${id}`);
  const query: SearchParams = (await searchParams) ?? {};
  const tab = workspaceTab(query.tab);
  const source = param(query, "source");
  const locale = await currentLocale();
  const workspace = await loadClaimWorkspace(user, id, { tab, sourceId: source, locale });
  if (!workspace) notFound();
  const { claim, options } = workspace;
  const [t, w] = await Promise.all([getTranslations("desk.claim"), getTranslations("desk.workspace")]);

  const tabLabel = (name: WorkspaceTab): string => {
    switch (name) {
      case "evidence":
        return w("tab.evidence", { count: claim.evidence.length });
      case "discussion":
        return w("tab.discussion", { count: claim.comments.length + claim.reviewDecisions.length });
      default:
        return w(`tab.${name}`);
    }
  };
  const tabs = WORKSPACE_TABS.map((name) => ({ id: name, label: tabLabel(name), href: workspaceHref(claim.id, name, { source }) }));
  // The form of this tab that takes a passage selected in the source text.
  const target =
    tab === "details" && can(user.role, "record.edit") ? "claim" : tab === "evidence" && mayEditEvidence(user, claim) ? "evidence" : null;
  const props = { claim, user, locale };

  return (
    <div className="claim-desk claim-workspace">
      <p>
        <Link href="/admin/claims">{t("back")}</Link>
      </p>
      <h1 lang={claim.language}>{claim.text}</h1>
      <ClaimHeader workspace={workspace} />

      <div className="workspace">
        <ClaimSource claimId={claim.id} tab={tab} source={workspace.source} target={target} />
        <div className="workspace__main">
          <WorkspaceTabs label={w("tabs")} tabs={tabs} selected={tab} />
          {WORKSPACE_TABS.map((name) =>
            name === tab ? (
              <div key={name} role="tabpanel" id={panelId(name)} aria-labelledby={tabId(name)} tabIndex={0} className="workspace__panel">
                {tab === "details" && options ? <DetailsPanel {...props} options={options} /> : null}
                {tab === "verdict" && options ? <VerdictPanel {...props} options={options} /> : null}
                {tab === "evidence" && options ? <EvidencePanel {...props} options={options} /> : null}
                {tab === "workflow" && options ? <WorkflowTabPanel {...props} options={options} steps={workspace.steps} digest={workspace.digest} /> : null}
                {tab === "discussion" ? <DiscussionPanel {...props} /> : null}
                {tab === "history" ? (
                  <>
                    <p className="workspace__history-page">
                      <Link href={`/admin/claims/${claim.id}/history`}>{w("historyPage")}</Link>
                    </p>
                    <ClaimHistory
                      claimId={claim.id}
                      query={query}
                      address={{
                        action: `/admin/claims/${claim.id}`,
                        hidden: { tab: "history" },
                        compare: (from, to) => workspaceHref(claim.id, "history", { from, to }),
                      }}
                    />
                  </>
                ) : null}
              </div>
            ) : (
              // The other tabs' panels, empty: each tab's aria-controls names a panel.
              <div key={name} role="tabpanel" id={panelId(name)} aria-labelledby={tabId(name)} hidden />
            ),
          )}
        </div>
      </div>
    </div>
  );
}

"use client";
// The tab list of the claim workspace, after the WAI-ARIA tabs pattern: role tablist/tab,
// aria-selected, aria-controls (the panel, which is labelled by its tab), a roving tabindex
// (only the selected tab is in the Tab order), and Left/Right/Home/End to move between the tabs
// (./tab-keys.ts). Selection follows focus.
//
// Each tab is a real link (?tab=verdict): the server renders the chosen tab's panel, so a deep
// link works without JavaScript and a tab is an address one can send. With JavaScript the keys
// move the focus and follow the tab's link (a client-side navigation); the tab shows as
// selected at once, its panel when the server has answered.
import Link from "next/link";
import { useRef, useState, type KeyboardEvent } from "react";
import { panelId, tabId, tabKeyTarget } from "./tab-keys";

export interface WorkspaceTab {
  id: string;
  label: string;
  href: string;
}

export function WorkspaceTabs({ label, tabs, selected }: { label: string; tabs: WorkspaceTab[]; selected: string }) {
  // The tab chosen by key, until the page of the navigation it started arrives.
  const [shown, setShown] = useState(selected);
  const [answered, setAnswered] = useState(selected);
  if (answered !== selected) {
    setAnswered(selected);
    setShown(selected);
  }
  const links = useRef<(HTMLAnchorElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLAnchorElement>, index: number) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const to = tabKeyTarget(event.key, index, tabs.length);
    if (to === null) return;
    event.preventDefault();
    const link = links.current[to];
    const tab = tabs[to];
    if (!link || !tab) return;
    link.focus();
    if (tab.id !== shown) {
      setShown(tab.id);
      link.click();
    }
  };

  return (
    <div role="tablist" aria-label={label} className="workspace-tabs">
      {tabs.map((tab, index) => {
        const isSelected = tab.id === shown;
        return (
          <Link
            key={tab.id}
            ref={(el) => {
              links.current[index] = el;
            }}
            href={tab.href}
            // Not fetched ahead: six tabs on each page view would be six requests for nothing.
            prefetch={false}
            scroll={false}
            role="tab"
            id={tabId(tab.id)}
            aria-selected={isSelected}
            aria-controls={panelId(tab.id)}
            tabIndex={isSelected ? 0 : -1}
            className="workspace-tab"
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            {tab.label}
          </Link>
        );
      })}
    </div>
  );
}

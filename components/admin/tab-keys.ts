// The keys of a WAI-ARIA tab list (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): Left and
// Right move to the previous and next tab, wrapping around; Home and End to the first and last.
// Any other key is not the tab list's (null). A pure function, so the pattern has a unit test
// (tests/unit/workspace-tabs.test.ts); components/admin/WorkspaceTabs.tsx uses it.

/** The ids of a workspace tab and of its panel (./WorkspaceTabs.tsx renders the tabs, the page
 * the panels: a plain module, so that both can ask). */
export const tabId = (id: string) => `claim-tab-${id}`;
export const panelId = (id: string) => `claim-panel-${id}`;

/** The index of the tab that `key` moves to from the tab at `index` of `count`, or null. */
export function tabKeyTarget(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  const from = Math.min(Math.max(index, 0), count - 1);
  switch (key) {
    case "ArrowRight":
      return (from + 1) % count;
    case "ArrowLeft":
      return (from - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

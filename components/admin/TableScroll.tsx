import type { ReactNode } from "react";

// A wide table inside the narrow newsroom column: scrolls sideways instead of overflowing the
// page. Focusable and labelled, so keyboard users can scroll it too (WCAG 2.1.1).
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: "auto", maxWidth: "100%" }}>
      {children}
    </div>
  );
}

// The newsroom's root layout (/admin). Every page below is rendered per request for a signed-in
// user (app/(desk)/admin/layout.tsx checks the session) and answered private, no-store.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DeskFrame } from "@/components/DeskFrame";

export const metadata: Metadata = { title: { default: "Redaktion · Claimbase", template: "%s · Claimbase" }, robots: { index: false, follow: false } };

export default function DeskRootLayout({ children }: { children: ReactNode }) {
  return <DeskFrame>{children}</DeskFrame>;
}

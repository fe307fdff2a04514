// The root layout of signing in and resetting a password (/signin, /reset-password): the
// newsroom's frame, without the newsroom's navigation, in the browser's language (no account is
// signed in yet: lib/desk-i18n.ts).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DeskFrame } from "@/components/DeskFrame";

export const metadata: Metadata = { title: { default: "Claimbase", template: "%s · Claimbase" }, robots: { index: false, follow: false } };

export default function AuthRootLayout({ children }: { children: ReactNode }) {
  return <DeskFrame>{children}</DeskFrame>;
}

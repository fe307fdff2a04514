// The newsroom's root layout (/admin). Every page below is rendered per request for a signed-in
// user (app/(desk)/admin/layout.tsx checks the session) and answered private, no-store. Its
// language is the user's (lib/desk-i18n.ts).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { DeskFrame } from "@/components/DeskFrame";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk");
  return { title: { default: t("title"), template: "%s · Claimbase" }, robots: { index: false, follow: false } };
}

export default function DeskRootLayout({ children }: { children: ReactNode }) {
  return <DeskFrame>{children}</DeskFrame>;
}

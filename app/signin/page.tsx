import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { SignInForm } from "./SignInForm";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: getDictionary().signIn.title, robots: { index: false } };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = getDictionary();
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  // Already signed in: go on to where the sign-in was meant to lead.
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <>
      <h1>{t.signIn.title}</h1>
      <p className="lead">{t.signIn.intro}</p>
      <SignInForm callbackUrl={callbackUrl} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { parseRateLimitCode, rateLimitMessage } from "@/lib/auth/rate-limit";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { SignInForm } from "./SignInForm";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: "de", namespace: "signIn" });
  return { title: t("title"), robots: { index: false } };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [t, { signIn }] = await Promise.all([getTranslations({ locale: "de", namespace: "signIn" }), getMessages({ locale: "de" })]);
  // The form is a client component: it gets only the messages it shows.
  const { email, password, submit, pending } = signIn;
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  // After /reset-password, and after a sign-in posted straight to Auth.js that was blocked
  // (Auth.js then redirects here with ?error=CredentialsSignin&code=rate_limited:<time>).
  const passwordReset = params.reset === "1";
  const passwordChanged = params.changed === "1";
  const retryAt = parseRateLimitCode(Array.isArray(params.code) ? params.code[0] : params.code);
  // Already signed in: go on to where the sign-in was meant to lead.
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {passwordReset ? (
        <p role="status" className="form-status form-status--ok">
          Ihr neues Passwort ist gesetzt. Bitte melden Sie sich damit an.
        </p>
      ) : null}
      {passwordChanged ? (
        <p role="status" className="form-status form-status--ok">
          Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.
        </p>
      ) : null}
      <NextIntlClientProvider locale="de" messages={{ signIn: { email, password, submit, pending } }}>
        <SignInForm callbackUrl={callbackUrl} initialError={retryAt ? rateLimitMessage(retryAt) : null} />
      </NextIntlClientProvider>
      <p>
        <Link href="/reset-password">Passwort mit einem Rücksetz-Code neu setzen</Link>
      </p>
    </>
  );
}

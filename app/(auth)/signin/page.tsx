import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SECOND_FACTOR_EXPIRED, SECOND_FACTOR_INVALID, SECOND_FACTOR_REQUIRED } from "@/lib/auth/auth-errors";
import { parseRateLimitCode, rateLimitMessage } from "@/lib/auth/rate-limit";
import { getSessionAccount } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { msg } from "@/lib/messages";
import { SignInForm } from "./SignInForm";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title"), robots: { index: false } };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("signIn");
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  // After /reset-password, and after a sign-in posted straight to Auth.js that was blocked
  // (Auth.js then redirects here with ?error=CredentialsSignin&code=rate_limited:<time>).
  const passwordReset = params.reset === "1";
  const passwordChanged = params.changed === "1";
  const code = Array.isArray(params.code) ? params.code[0] : params.code;
  const retryAt = parseRateLimitCode(code);
  // A sign-in posted straight to Auth.js for an account with a second factor gets only this
  // code back (the token of the second step reaches the form's own action only): sign in here.
  const secondFactor = code === SECOND_FACTOR_REQUIRED || code === SECOND_FACTOR_INVALID || code === SECOND_FACTOR_EXPIRED;
  const initialError = retryAt ? rateLimitMessage(retryAt) : secondFactor ? msg("signIn.secondFactorUseForm") : null;
  // Already signed in: go on to where the sign-in was meant to lead (or to the enrolment of a
  // mandatory second factor, which the desk's guard redirects to).
  if (await getSessionAccount()) redirect(callbackUrl);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {passwordReset ? (
        <p role="status" className="form-status form-status--ok">
          {t("passwordReset")}
        </p>
      ) : null}
      {passwordChanged ? (
        <p role="status" className="form-status form-status--ok">
          {t("passwordChanged")}
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
      <p>
        <Link href="/reset-password">{t("resetLink")}</Link>
      </p>
    </>
  );
}

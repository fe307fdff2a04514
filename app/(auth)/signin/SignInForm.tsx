"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction, type SignInState } from "./actions";

export function SignInForm({ callbackUrl, initialError = null }: { callbackUrl: string; initialError?: string | null }) {
  // Only the messages it shows reach the browser (the page passes them, signin/page.tsx).
  const t = useTranslations("signIn");
  const initialState: SignInState = { error: initialError, email: "", attempt: 0 };
  const [state, formAction, pending] = useActionState(signInAction, initialState);
  const invalid = state.error !== null;
  return (
    <form action={formAction} className="form">
      {state.error ? (
        <p id="signin-error" className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="signin-email">{t("email")}</label>
        <input
          key={`email-${state.attempt}`}
          id="signin-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? "signin-error" : undefined}
        />
      </div>
      <div>
        <label htmlFor="signin-password">{t("password")}</label>
        <input
          key={`password-${state.attempt}`}
          id="signin-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? "signin-error" : undefined}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}

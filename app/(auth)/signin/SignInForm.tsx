"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { Message } from "@/lib/messages";
import { useMessageText } from "@/components/admin/useMessageText";
import { signInAction, type SignInState } from "./actions";

export function SignInForm({ callbackUrl, initialError = null }: { callbackUrl: string; initialError?: Message | null }) {
  const t = useTranslations("signIn");
  const text = useMessageText();
  const initialState: SignInState = { error: initialError, email: "", attempt: 0 };
  const [state, formAction, pending] = useActionState(signInAction, initialState);
  const invalid = state.error !== null;
  const error = state.error ? (
    <p id="signin-error" className="form-error" role="alert">
      {text(state.error)}
    </p>
  ) : null;

  if (state.pending) {
    // The second step: the password was right; the code decides (no session before).
    return (
      <form action={formAction} className="form">
        {error}
        <p>{t("codeIntro")}</p>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <input type="hidden" name="pending" value={state.pending} />
        <div>
          <label htmlFor="signin-code">{t("code")}</label>
          <input
            key={`code-${state.attempt}`}
            id="signin-code"
            name="code"
            type="text"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
            maxLength={64}
            autoFocus
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? "signin-error signin-code-hint" : "signin-code-hint"}
          />
          <span id="signin-code-hint" className="field__hint">
            {t("codeHint")}
          </span>
        </div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("pending") : t("verify")}
        </button>
        <p>
          <a href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{t("restart")}</a>
        </p>
      </form>
    );
  }

  return (
    <form action={formAction} className="form">
      {error}
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

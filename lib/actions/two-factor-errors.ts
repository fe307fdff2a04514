// The words for lib/auth/two-factor.ts's error codes, for the desk's actions: a TwoFactorError
// becomes the DomainError defineAction shows (a wrong code as an error of the `code` field).
import { getTranslations } from "next-intl/server";
import { rateLimitMessage } from "../auth/rate-limit";
import { TwoFactorError, type TwoFactorErrorCode } from "../auth/two-factor";
import { DomainError, ValidationError } from "../editorial/errors";

const KIND: Record<Exclude<TwoFactorErrorCode, "invalid_code">, DomainError["code"]> = {
  already_enabled: "transition",
  not_enrolling: "transition",
  not_enabled: "transition",
  required_for_role: "transition",
  own_account: "forbidden",
  forbidden: "forbidden",
  not_found: "not_found",
  rate_limited: "rate_limited",
};

/** Rethrows `error`, a TwoFactorError in words. */
export async function rethrowInWords(error: unknown): Promise<never> {
  if (!(error instanceof TwoFactorError)) throw error;
  if (error.code === "rate_limited" && error.params.retryAt) throw new DomainError("rate_limited", rateLimitMessage(error.params.retryAt));
  const t = await getTranslations({ locale: "de", namespace: "twoFactor.errors" });
  if (error.code === "invalid_code") {
    const message = t("invalid_code");
    throw new ValidationError(message, { code: [message] });
  }
  throw new DomainError(KIND[error.code], t(error.code));
}

/** Runs `work`, with a TwoFactorError in words. */
export async function inWords<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return rethrowInWords(error);
  }
}

// lib/auth/two-factor.ts's error codes for the desk's actions: a TwoFactorError becomes the
// DomainError defineAction shows, with its message from the catalogue (twoFactor.errors.*; a
// wrong code as an error of the `code` field).
import { rateLimitMessage } from "../auth/rate-limit";
import { TwoFactorError, type TwoFactorErrorCode } from "../auth/two-factor";
import { DomainError, ValidationError } from "../editorial/errors";
import { msg } from "../messages";

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

/** Rethrows `error`, a TwoFactorError as a DomainError. */
export async function rethrowInWords(error: unknown): Promise<never> {
  if (!(error instanceof TwoFactorError)) throw error;
  if (error.code === "rate_limited" && error.params.retryAt) throw new DomainError("rate_limited", rateLimitMessage(error.params.retryAt));
  if (error.code === "invalid_code") {
    const message = msg("twoFactor.errors.invalid_code");
    throw new ValidationError(message, { code: [message] });
  }
  throw new DomainError(KIND[error.code], msg(`twoFactor.errors.${error.code}`));
}

/** Runs `work`, with a TwoFactorError in words. */
export async function inWords<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return rethrowInWords(error);
  }
}

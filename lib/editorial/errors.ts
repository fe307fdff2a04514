// Errors of the domain layer. Each carries a message meant for the person who caused it
// (German, the newsroom's language for now) and nothing is written when one is thrown: every
// write runs in a transaction that the error rolls back.
import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

/** `value` checked by a zod schema (the one a form's input goes through, so that the rules
 * live in one place), or a ValidationError naming every problem. */
export function validated<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(parsed.error.issues.map((i) => i.message).join(" "), zodFieldErrors(parsed.error));
}

/** A zod error as field errors (the first path segment names the field). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

export class DomainError extends Error {
  constructor(
    readonly code: "validation" | "forbidden" | "not_found" | "conflict" | "transition" | "unauthenticated" | "rate_limited",
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super("validation", message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "Dafür fehlt Ihnen die Berechtigung.") {
    super("forbidden", message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what = "Der Datensatz") {
    super("not_found", `${what} wurde nicht gefunden. Vielleicht wurde er inzwischen gelöscht.`);
  }
}

/** A workflow step that is not allowed now; the message says why. */
export class TransitionError extends DomainError {
  constructor(message: string) {
    super("transition", message);
  }
}

export interface ConflictInfo {
  /** The record as it is now (plain JSON values). */
  current: Record<string, unknown>;
  currentVersion: number;
  changedBy: string | null;
  changedAt: string | null;
}

/** A save based on an outdated version: somebody else saved in between. */
export class ConflictError extends DomainError {
  constructor(readonly conflict: ConflictInfo) {
    const who = conflict.changedBy ?? "jemand anderes";
    const when = conflict.changedAt
      ? new Date(conflict.changedAt).toLocaleString("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" })
      : "inzwischen";
    super(
      "conflict",
      `Nicht gespeichert: ${who} hat diesen Datensatz am ${when} geändert (Version ${conflict.currentVersion}). ` +
        "Ihre Eingaben sind erhalten; vergleichen Sie sie mit dem neuen Stand und speichern Sie erneut.",
    );
  }
}

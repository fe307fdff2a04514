// Errors of the domain layer. Each carries a Message (lib/messages.ts): a code with parameters
// for the person who caused it, which the desk shows in that person's language; `message` (the
// Error's own) is the code for logs. Nothing is written when one is thrown: every write runs in
// a transaction that the error rolls back.
import type { z } from "zod";
import { describeMessage, messageOfIssue, msg, type Message } from "../messages";

/** The messages of a form's fields, by field name ("_form" for the form as a whole). */
export type FieldErrors = Record<string, Message[]>;

/** `value` checked by a zod schema (the one a form's input goes through, so that the rules
 * live in one place), or a ValidationError naming every problem. */
export function validated<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors = zodFieldErrors(parsed.error);
  throw new ValidationError(summary(fieldErrors), fieldErrors);
}

/** A zod error as field errors (the first path segment names the field). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "_form";
    (fieldErrors[key] ??= []).push(messageOfIssue(issue.message));
  }
  return fieldErrors;
}

/** One message for a set of field errors: the only one, or every one in a row. */
export function summary(fieldErrors: FieldErrors): Message {
  const all = Object.values(fieldErrors).flat();
  if (all.length === 1) return all[0]!;
  return msg("msg.validation.several", { messages: { list: all, join: "space" } });
}

export type DomainErrorCode = "validation" | "forbidden" | "not_found" | "conflict" | "transition" | "unauthenticated" | "rate_limited";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: Message,
  ) {
    super(describeMessage(detail));
    this.name = "DomainError";
  }
}

export class ValidationError extends DomainError {
  constructor(
    detail: Message,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super("validation", detail);
  }
}

/** A refusal that is the same message for the form and for one of its fields. */
export function fieldError(field: string, detail: Message): ValidationError {
  return new ValidationError(detail, { [field]: [detail] });
}

export class ForbiddenError extends DomainError {
  constructor(detail: Message = msg("msg.error.forbidden")) {
    super("forbidden", detail);
  }
}

/** The kinds of record a NotFoundError names (catalogue msg.entity.*). */
export type EntityName = "Claim" | "Evidence" | "Quote" | "Speaker" | "Source" | "Topic" | "VerdictLabel" | "Correction" | "Article" | "User" | "ExternalFactCheck" | "Import" | "Candidate" | "Record";

export class NotFoundError extends DomainError {
  constructor(readonly what: EntityName = "Record") {
    super("not_found", msg("msg.error.notFound", { what: msg(`msg.entity.${what}`) }));
  }
}

/** A workflow step that is not allowed now; the message says why. */
export class TransitionError extends DomainError {
  constructor(detail: Message) {
    super("transition", detail);
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
    const who = conflict.changedBy ?? msg("msg.error.someoneElse");
    super(
      "conflict",
      conflict.changedAt
        ? msg("msg.error.conflict", { who, when: { moment: conflict.changedAt }, version: conflict.currentVersion })
        : msg("msg.error.conflictMeanwhile", { who, version: conflict.currentVersion }),
    );
  }
}

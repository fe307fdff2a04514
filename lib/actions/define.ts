// Every server action of the app is made with defineAction. It is the one place where an
// action checks who is calling (on the server, whatever the UI showed), validates the form
// with the action's zod schema, runs the domain function, and turns domain errors into a
// form state. The registry lets tests/integration/authorization.test.ts find every action
// and check it for anonymous users and every role, and the fuzz drill (scripts/drills/fuzz.ts)
// send each one hostile values for the fields of its schema.
import { z } from "zod";
import { can, type Permission } from "../auth/permissions";
import { getSessionAccount, getSessionUser, type SessionUser } from "../auth/session";
import { DomainError, ValidationError, ConflictError, zodFieldErrors } from "../editorial/errors";
import { nulFieldErrors } from "../editorial/fields";
import { msg, type Message } from "../messages";

export { zodFieldErrors };
import type { ActionState, FormValues } from "./state";

export interface ActionMeta {
  name: string;
  /** null: public by design (see `publicReason`). */
  permission: Permission | null;
  publicReason?: string;
  /** The form's schema: the fields the action reads (the fuzz drill sends them hostile values). */
  schema?: z.ZodType;
  /** Names of file inputs (see defineAction's `files`). */
  files?: readonly string[];
}

export const actionRegistry = new Map<unknown, ActionMeta>();

export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * FormData as plain values: repeated names and names ending in [] become arrays. Collected in a
 * Map, so that a field named like a property every object has ("constructor", "toString",
 * "__proto__", sent by hand) is a field like any other: read from a plain object, it found the
 * inherited function and returned it in the form state, which then could not be sent (a 500).
 */
export function formValues(formData: FormData): FormValues {
  const values = new Map<string, string | string[]>();
  for (const [rawKey, rawValue] of formData.entries()) {
    if (typeof rawValue !== "string" || rawKey.startsWith("$ACTION")) continue;
    const isList = rawKey.endsWith("[]");
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    const existing = values.get(key);
    if (isList || existing !== undefined) {
      values.set(key, [...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]), rawValue]);
    } else values.set(key, rawValue);
  }
  // Object.fromEntries defines own properties ("__proto__" included), never the prototype.
  return Object.fromEntries(values);
}

/**
 * A file input with no file chosen still arrives as a part: the browser sends an empty part with
 * an empty filename, and on the way to the action it becomes an empty File named "" (the form
 * posted without JavaScript), "undefined" (React's reply decoder passes the missing filename to
 * `new File`), "blob" (a Blob appended without a name), or an empty string field. None of them is
 * an upload; an empty file the editor did choose keeps its real name and is judged as a file.
 */
const NO_FILE_NAMES = new Set(["", "undefined", "blob"]);

export function isChosenFile(value: FormDataEntryValue | null): value is File {
  return value instanceof File && !(value.size === 0 && NO_FILE_NAMES.has(value.name));
}

/** The values given to an action's schema: the form's text fields, and each file input as a File when one was chosen. */
export function actionInput(formData: FormData, files: readonly string[]): Record<string, unknown> {
  const input: Record<string, unknown> = formValues(formData);
  for (const name of files) {
    delete input[name];
    const file = formData.get(name);
    if (isChosenFile(file)) input[name] = file;
  }
  return input;
}

function failure(error: unknown, values: FormValues): ActionState {
  const at = Date.now();
  if (error instanceof ValidationError) {
    return { status: "error", code: "validation", message: error.detail, fieldErrors: error.fieldErrors, values, at };
  }
  if (error instanceof ConflictError) {
    return { status: "error", code: "conflict", message: error.detail, conflict: error.conflict, values, at };
  }
  if (error instanceof DomainError) return { status: "error", code: error.code, message: error.detail, values, at };
  // next/navigation's redirect() and notFound() work by throwing: let them through.
  if (error instanceof Error && "digest" in error && typeof error.digest === "string" && error.digest.startsWith("NEXT_")) throw error;
  console.error(error);
  return { status: "error", code: "internal", message: msg("msg.error.internal"), values, at };
}

/**
 * The answer to a call whose form is no form. A server action's arguments are whatever the
 * client sent (React decodes any serializable value: a string, a number, an object), so a
 * hand-made request may pass anything where the browser passes FormData: bad input, refused
 * like any other, never an error of the server (the fuzz drill sends such calls).
 */
export function notAForm(): ActionState {
  return { status: "error", code: "validation", message: msg("msg.error.notAForm"), at: Date.now() };
}

async function sessionActor(): Promise<SessionUser | null> {
  const account = await getSessionAccount();
  return account && { id: account.id, name: account.name, email: account.email, role: account.role };
}

export function defineAction<S extends z.ZodType>(options: {
  name: string;
  permission: Permission;
  schema: S;
  /** Runs the domain function; returns the success message (and the id of a new record). */
  run: (actor: SessionUser, input: z.infer<S>) => Promise<{ message: Message; id?: string }>;
  /** After success, outside the transaction: revalidatePath, redirect, ... */
  after?: (result: { message: Message; id?: string }, input: z.infer<S>) => void | Promise<void>;
  /**
   * Names of file inputs (<input type="file">): each is given to the schema as a File (a
   * browser sends an empty, unnamed File when none was chosen: left out). Files are never
   * echoed back in the form state.
   */
  files?: readonly string[];
  /**
   * Part of enrolling a second factor (or signing out): allowed to an account that must still
   * enrol one (lib/auth/session.ts). Every other action refuses it as signed out.
   */
  beforeSecondFactor?: boolean;
}): FormAction {
  const action: FormAction = async (_previous, formData) => {
    if (!(formData instanceof FormData)) return notAForm();
    const values = formValues(formData);
    // Never echo passwords back into the page.
    for (const key of Object.keys(values)) if (/password|code/i.test(key)) delete values[key];
    const actor = options.beforeSecondFactor ? await sessionActor() : await getSessionUser();
    if (!actor) {
      return { status: "error", code: "unauthenticated", message: msg("msg.error.unauthenticated"), at: Date.now() };
    }
    if (!can(actor.role, options.permission)) {
      return { status: "error", code: "forbidden", message: msg("msg.error.forbidden"), values, at: Date.now() };
    }
    const nul = nulFieldErrors(formValues(formData));
    if (nul) {
      // Echoed without the NULs: the form shows what was sent, minus what cannot be stored.
      const shown = Object.fromEntries(
        Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => x.replaceAll("\u0000", "")) : v.replaceAll("\u0000", "")]),
      );
      return { status: "error", code: "validation", message: msg("msg.error.checkFields"), fieldErrors: nul, values: shown, at: Date.now() };
    }
    const input = actionInput(formData, options.files ?? []);
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) {
      return {
        status: "error",
        code: "validation",
        message: msg("msg.error.checkFields"),
        fieldErrors: zodFieldErrors(parsed.error),
        values,
        at: Date.now(),
      };
    }
    let result: { message: Message; id?: string };
    try {
      result = await options.run(actor, parsed.data);
    } catch (error) {
      return failure(error, values);
    }
    await options.after?.(result, parsed.data);
    return { status: "ok", message: result.message, id: result.id, at: Date.now() };
  };
  actionRegistry.set(action, { name: options.name, permission: options.permission, schema: options.schema, files: options.files });
  return action;
}

/**
 * Registers an action that must work without a session (sign-in, password reset with a code),
 * with the reason. It does its own input validation and rate limiting; `schema` names the
 * form's fields (what it validates them with).
 */
export function definePublicAction<F extends (...args: never[]) => Promise<unknown>>(name: string, publicReason: string, action: F, schema?: z.ZodType): F {
  actionRegistry.set(action, { name, permission: null, publicReason, schema });
  return action;
}

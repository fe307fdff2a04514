// What a server action answers a form with (useActionState). Plain JSON: it travels to the
// browser, so it never holds more than the form's own values and the error.
import type { ConflictInfo, FieldErrors } from "../editorial/errors";

export type FormValues = Record<string, string | string[]>;

export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message: string; id?: string; at: number }
  | {
      status: "error";
      code: "unauthenticated" | "forbidden" | "validation" | "not_found" | "conflict" | "transition" | "rate_limited" | "internal";
      message: string;
      fieldErrors?: FieldErrors;
      /** What the user sent, so the form can show it again: nothing typed is lost. */
      values?: FormValues;
      conflict?: ConflictInfo;
      at: number;
    };

export const IDLE: ActionState = { status: "idle" };

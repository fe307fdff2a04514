// What a server action answers a form with (useActionState). Plain JSON: it travels to the
// browser, so it never holds more than the form's own values and the error. Messages are codes
// with parameters (lib/messages.ts): the form shows them in the user's language.
import type { ConflictInfo, FieldErrors } from "../editorial/errors";
import type { Message } from "../messages";

export type FormValues = Record<string, string | string[]>;

export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message: Message; id?: string; at: number }
  | {
      status: "error";
      code: "unauthenticated" | "forbidden" | "validation" | "not_found" | "conflict" | "transition" | "rate_limited" | "internal";
      message: Message;
      fieldErrors?: FieldErrors;
      /** What the user sent, so the form can show it again: nothing typed is lost. */
      values?: FormValues;
      conflict?: ConflictInfo;
      at: number;
    };

export const IDLE: ActionState = { status: "idle" };

// @ts-check
// The limits of form posts (server actions), read by next.config.js and by the gate in front of
// them (lib/server-action-gate.ts): one number in one place.

/**
 * The largest request body of a server action. Article ingestion uploads files of up to 2 MB
 * through a server action; the domain refuses anything above 2 MB with a clear message, so the
 * limit leaves room for the form around the file.
 */
export const ACTION_BODY_LIMIT_BYTES = 3 * 1024 * 1024;

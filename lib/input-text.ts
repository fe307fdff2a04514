// Rules for text that arrives from outside (query strings, path segments, form fields) before
// it reaches the database. PostgreSQL refuses U+0000 in text ("invalid byte sequence"), so a
// NUL that gets through is a server error instead of an answer; other control characters
// have no business in a one-line value such as a slug, a key or a search filter.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Whether a one-line value (slug, key, name, date) has a control character (NUL included). */
export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value);
}

/** Whether a text (multi-line form value) has a NUL, which PostgreSQL cannot store. */
export function hasNul(value: string): boolean {
  return value.includes("\u0000");
}

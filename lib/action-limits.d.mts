// Types of lib/action-limits.mjs for the TypeScript that imports it; next.config.js loads the
// JavaScript.
export declare const ACTION_BODY_LIMIT_BYTES: number;

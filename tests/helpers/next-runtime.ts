// What a Next.js server sets up before it loads any module (next/dist/server/
// node-environment-baseline.js): the global AsyncLocalStorage its request-scoped stores are made
// of. Without it, Next.js's modules fall back to a stand-in that throws when used (after(),
// the work store), asynchronously, from whatever route happened to load them. Import this first.
import { AsyncLocalStorage } from "node:async_hooks";

(globalThis as Record<string, unknown>).AsyncLocalStorage ??= AsyncLocalStorage;

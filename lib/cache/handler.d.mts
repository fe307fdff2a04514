// Types of lib/cache/handler.mjs for the TypeScript that loads it outside Next.js (the
// benchmark); Next.js itself loads the JavaScript.
export declare const NOTIFY_CHANNEL: string;
export declare function expireTagsLocally(tags: string[], durations?: { expire?: number }): void;
export default class ClaimbaseCacheHandler {
  get(key: string, ctx?: unknown): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, value: unknown, ctx?: unknown): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}

// Types of lib/public-routes.mjs for the TypeScript that imports it (proxy.ts, lib/i18n.ts,
// lib/cache-control.ts, tests); next.config.js loads the JavaScript.
export declare const UNLOCALIZED_SEGMENTS: readonly string[];
export declare const LOCALIZED_FILES: readonly string[];
export declare const PUBLIC_CACHE_CONTROL: string;
export declare const SESSION_CACHE_CONTROL: string;
export declare const HOME_CACHE_CONTROL: string;
export declare const SESSION_COOKIES: readonly string[];
export interface RouteCondition {
  type: "cookie" | "query" | "header" | "host";
  key: string;
  value?: string;
}
export declare function publicRewrites(): { source: string; destination: string }[];
export declare function apiRewrites(): { source: string; destination: string }[];
export declare function publicCacheHeaders(): { source: string; has?: RouteCondition[]; headers: { key: string; value: string }[] }[];
export declare function isLocalizedPath(path: string): boolean;

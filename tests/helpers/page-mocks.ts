// What a test that renders desk pages outside Next.js replaces (tests/helpers/render-page.ts):
// the signed-in session, Next.js's cache and router, and the request's headers. Each test file
// still names the modules itself, because Vitest hoists only the vi.mock calls of the test file:
//
//   vi.mock("../../lib/auth/auth", () => import("../helpers/page-mocks").then((m) => m.authModule()));
//   vi.mock("next/cache", () => import("../helpers/page-mocks").then((m) => m.cacheModule()));
//   vi.mock("next/navigation", (original) => import("../helpers/page-mocks").then((m) => m.navigationModule(original)));
//   vi.mock("next/headers", () => import("../helpers/page-mocks").then((m) => m.headersModule()));
//
// and sets `pageSession.current` (who is signed in) and `pageSession.acceptLanguage`.
import { vi } from "vitest";

export const pageSession = {
  current: null as null | { user: { id: string }; sid: string },
  /** The browser's language (the sign-in pages speak it). */
  acceptLanguage: "de-DE",
};

export const authModule = () => ({
  auth: vi.fn(async () => pageSession.current),
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  handlers: { GET: vi.fn(), POST: vi.fn() },
});

export const cacheModule = () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() });

/** Outside Next.js no app router is mounted: client components that ask for one get one that goes
 * nowhere. notFound(), redirect() and the rest stay Next.js's. */
export const navigationModule = async (original: <T>() => Promise<T>) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn(), back: vi.fn(), forward: vi.fn(), prefetch: vi.fn() }),
});

export const headersModule = () => ({
  headers: async () => new Headers({ "accept-language": pageSession.acceptLanguage }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
});

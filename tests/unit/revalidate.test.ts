// lib/public/revalidate.ts: which tags a public change expires. Stored searches (tag `search`)
// may show any claim, quote or speaker, so every change expires them.
import { beforeEach, describe, expect, it, vi } from "vitest";

const expired: string[] = [];
vi.mock("next/cache", () => ({ revalidateTag: (tag: string) => expired.push(tag), unstable_cache: (f: unknown) => f }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task }));
vi.mock("../../lib/public/search", async (original) => ({ ...(await original()), refreshSearchWords: async () => undefined }));

const { revalidatePublic } = await import("../../lib/public/revalidate");

beforeEach(() => {
  expired.length = 0;
});

describe("revalidatePublic", () => {
  it("expires exactly the tags of a claim's change, and the stored searches", async () => {
    await revalidatePublic({ claims: ["a", "a"], speakers: ["s"], topics: ["t"] });
    expect(expired.sort()).toEqual(["claim:a", "claims", "search", "speaker:s", "topic:t"]);
  });

  it("expires the stored searches when only a speaker changed", async () => {
    await revalidatePublic({ speakers: ["s"] });
    expect(expired.sort()).toEqual(["search", "speaker:s"]);
  });

  it("expires everything public for a change that may show anywhere", async () => {
    await revalidatePublic("all");
    expect(expired).toEqual(["public"]);
  });
});

// The search vocabulary's refresh after public changes (lib/public/search.ts refreshSearchWords):
// one at a time, changes during a refresh ask for one more, and refreshes asked for after a
// public change keep REFRESH_SPACING times the last one's duration apart, so that a big archive
// is not refreshed back to back while the desk publishes.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../../lib/db/client";
import { REFRESH_SPACING, refreshSearchWords } from "../../lib/public/search";

const TOOK_MS = 100;

/** A client whose refresh takes TOOK_MS of (fake) time; `started` holds when each began. */
function fakeClient(): { client: Db; started: number[] } {
  const started: number[] = [];
  const client = {
    $executeRawUnsafe: (sql: string) => {
      expect(sql).toBe(`REFRESH MATERIALIZED VIEW CONCURRENTLY "SearchWord"`);
      started.push(Date.now());
      return new Promise((resolve) => setTimeout(() => resolve(0), TOOK_MS));
    },
  } as unknown as Db;
  return { client, started };
}

describe("refreshSearchWords", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("refreshes at once the first time, spaced or not", async () => {
    const { client, started } = fakeClient();
    const done = refreshSearchWords(client, { spaced: true });
    await vi.advanceTimersByTimeAsync(TOOK_MS);
    await done;
    expect(started).toEqual([1_000_000]);
  });

  it("after a public change, waits REFRESH_SPACING times the last refresh's duration after it ended", async () => {
    const { client, started } = fakeClient();
    const first = refreshSearchWords(client);
    await vi.advanceTimersByTimeAsync(TOOK_MS);
    await first;
    const endedAt = Date.now();
    const second = refreshSearchWords(client, { spaced: true });
    await vi.advanceTimersByTimeAsync(REFRESH_SPACING * TOOK_MS - 1);
    expect(started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 + TOOK_MS);
    await second;
    expect(started).toEqual([1_000_000, endedAt + REFRESH_SPACING * TOOK_MS]);
  });

  it("without `spaced` (bootstrap, tests), refreshes at once", async () => {
    const { client, started } = fakeClient();
    const first = refreshSearchWords(client);
    await vi.advanceTimersByTimeAsync(TOOK_MS);
    await first;
    const second = refreshSearchWords(client);
    await vi.advanceTimersByTimeAsync(TOOK_MS);
    await second;
    expect(started).toEqual([1_000_000, 1_000_000 + TOOK_MS]);
  });

  it("changes during a refresh ask for one more, spaced, and all of them wait for it", async () => {
    const { client, started } = fakeClient();
    const first = refreshSearchWords(client, { spaced: true });
    await vi.advanceTimersByTimeAsync(TOOK_MS / 2);
    const during = [refreshSearchWords(client, { spaced: true }), refreshSearchWords(client, { spaced: true }), refreshSearchWords(client)];
    let settled = false;
    void Promise.all(during).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(TOOK_MS / 2 + REFRESH_SPACING * TOOK_MS);
    expect(started).toEqual([1_000_000, 1_000_000 + TOOK_MS + REFRESH_SPACING * TOOK_MS]);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(TOOK_MS);
    await Promise.all([first, ...during]);
    expect(started).toHaveLength(2);
  });
});

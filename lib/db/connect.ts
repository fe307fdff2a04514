// Finding the database for a command-line task (migrate, seed, tests): DATABASE_URL when set;
// otherwise the embedded database, either already served by a running `npm start` on the same
// data folder (its lock file names the port) or started for the duration of the task.
import type { Settings } from "../config";
import { readDataDirLock, startEmbeddedDatabase } from "./embedded";

export async function withDatabase<T>(
  settings: Pick<Settings, "DATABASE_URL" | "CLAIMBASE_DATA_DIR">,
  task: (url: string) => Promise<T>,
): Promise<T> {
  if (settings.DATABASE_URL) return task(settings.DATABASE_URL);
  const running = readDataDirLock(settings.CLAIMBASE_DATA_DIR);
  if (running?.port) {
    return task(`postgresql://postgres:postgres@127.0.0.1:${running.port}/postgres?sslmode=disable`);
  }
  const db = await startEmbeddedDatabase({ dataDir: settings.CLAIMBASE_DATA_DIR });
  try {
    return await task(db.url);
  } finally {
    await db.stop();
  }
}

// Finding the database for a command-line task (migrate, seed, import, tests): DATABASE_URL when
// set; otherwise the embedded server of the data folder, either the one already running (a
// running `npm start`, found through PostgreSQL's postmaster.pid and a server that answers) or
// one started for the duration of the task.
import type { Settings } from "../config";
import { findRunningServer, startEmbeddedDatabase } from "./embedded";

export async function withDatabase<T>(
  settings: Pick<Settings, "DATABASE_URL" | "CLAIMBASE_DATA_DIR">,
  task: (url: string) => Promise<T>,
): Promise<T> {
  if (settings.DATABASE_URL) return task(settings.DATABASE_URL);
  const running = await findRunningServer(settings.CLAIMBASE_DATA_DIR);
  if (running) return task(running.url);
  const db = await startEmbeddedDatabase({
    dataDir: settings.CLAIMBASE_DATA_DIR,
    log: (line) => console.error(line),
  });
  try {
    return await task(db.url);
  } finally {
    await db.stop();
  }
}

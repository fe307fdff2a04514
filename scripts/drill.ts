// npm run drill -- NAME [options]: drills that run the app the way it runs in a newsroom and
// try to break it. Each prints what it did and what it found, and exits 1 when it found a
// failure. They take minutes, so they are not part of npm test (docs/drills.md has a recorded
// run of each).
//   kill9  kill -9 of the embedded PostgreSQL server during writes; no acknowledged save may be
//          lost (scripts/drills/kill9.ts)
//   soak   mixed public reads, searches and desk writes at a steady rate for 30 minutes on a
//          throwaway instance; no 5xx, p99 and memory (scripts/drills/soak.ts)
//   fuzz   every public route and every server action with malformed, oversized and hostile
//          values, signed out and as each role; no 5xx (scripts/drills/fuzz.ts)
const DRILLS: Record<string, () => Promise<{ run: (argv: string[]) => Promise<number> }>> = {
  kill9: () => import("./drills/kill9"),
  soak: () => import("./drills/soak"),
  fuzz: () => import("./drills/fuzz"),
};

const USAGE = `Usage: npm run drill -- NAME [options]
  kill9 [--rounds 20] [--writers 4]
  soak  [--minutes 30] [--rate 10] [--engine embedded|postgres] [--seed 1]
  fuzz  [--seed 1] [--values 6] [--concurrency 4] [--timeout 30] [--engine embedded|postgres]
        [--skip "value name,…"] [--keep 1]`;

async function main(): Promise<number> {
  const [name, ...argv] = process.argv.slice(2);
  const load = name ? DRILLS[name] : undefined;
  if (!load) {
    console.error(USAGE);
    return 1;
  }
  const { run } = await load();
  return run(argv);
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    // Whatever a drill started is stopped before the exit.
    const { cleanUp, failureReports } = await import("./lifecycle");
    for (const report of failureReports()) console.error(`\n${report}`);
    await cleanUp();
    process.exit(1);
  },
);

// What the drills and the benchmarks share about their own life: whatever they start registers
// how to stop it, and it is stopped at the end, on Ctrl-C / SIGTERM, on an error and after a
// time limit. And their options and figures.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";

const cleanups: { name: string; run: () => Promise<void> | void }[] = [];
let cleaningUp: Promise<void> | null = null;

export function onCleanup(name: string, run: () => Promise<void> | void): void {
  cleanups.push({ name, run });
}

const reports: (() => string)[] = [];

/** Something worth printing when the drill fails with an error (the app's last lines). */
export function onFailureReport(report: () => string): void {
  reports.push(report);
}

export function failureReports(): string[] {
  return reports.map((r) => r()).filter(Boolean);
}

/** Whether the run is stopping (after Ctrl-C, the time limit or the end): errors of the steps
 * still running are no news then. */
export function stopping(): boolean {
  return cleaningUp !== null;
}

/** Stops everything registered, the last started first. */
export function cleanUp(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const { name, run } of cleanups.splice(0).reverse()) {
      try {
        await run();
      } catch (error) {
        console.error(`Stopping ${name} failed:`, error);
      }
    }
  })();
  return cleaningUp;
}

/**
 * Stops the run (`what`: "the soak drill", "the benchmark") on Ctrl-C / SIGTERM (exit 130) and
 * after `limitMs` (exit 2), after cleaning up what it started.
 */
export function guard(what: string, limitMs: number): void {
  const limit = setTimeout(() => {
    console.error(`\n${what[0]!.toUpperCase()}${what.slice(1)} took longer than ${Math.round(limitMs / 60_000)} min: stopping.`);
    void cleanUp().then(() => process.exit(2));
  }, limitMs);
  limit.unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping what ${what} started…`);
      void cleanUp().then(() => process.exit(130));
    });
  }
}

/** Stops a child started with `detached: true` (its own process group) and its children:
 * SIGTERM, then SIGKILL after 10 s. */
export function stopChild(child: ChildProcess, name: string): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve();
    const pid = child.pid;
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      console.error(`${name} did not stop within 10 s; killing it.`);
      kill("SIGKILL");
    }, 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    kill("SIGTERM");
  });
}

/** `--name value` / `--name=value` options: a whole number within bounds, one of a list, or any
 * text; and switches, `--name` alone (or `--name=true|false`), which take no value: the next
 * argument stays an argument of its own. */
export type OptionSpec = Record<
  string,
  | { default: number; min: number; max: number }
  | { default: string; choices: readonly string[] }
  | { default: string; free: true }
  | { default: boolean; flag: true }
>;

/** The values of options: numbers, one of the choices, text, or a switch's true/false. */
export type OptionValues<S extends OptionSpec> = {
  [K in keyof S]: S[K] extends { flag: true }
    ? boolean
    : S[K] extends { choices: readonly (infer C)[] }
      ? C
      : S[K]["default"] extends number
        ? number
        : string;
};

export function parseOptions<S extends OptionSpec>(argv: string[], spec: S): OptionValues<S> {
  const options: Record<string, number | string | boolean> = Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, v.default]));
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]!);
    if (!match) throw new Error(`Unknown argument: ${argv[i]}`);
    const name = match[1]!;
    const rule = spec[name];
    if (!rule) throw new Error(`Unknown option --${name} (known: ${Object.keys(spec).map((k) => `--${k}`).join(", ")})`);
    if ("flag" in rule) {
      if (match[2] !== undefined && match[2] !== "true" && match[2] !== "false") throw new Error(`--${name} takes no value (or =true / =false)`);
      options[name] = match[2] !== "false";
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    if ("free" in rule) options[name] = value;
    else if ("choices" in rule) {
      if (!rule.choices.includes(value)) throw new Error(`--${name} is one of: ${rule.choices.join(", ")}`);
      options[name] = value;
    } else {
      const n = Number(value);
      if (!Number.isInteger(n) || n < rule.min || n > rule.max) throw new Error(`--${name} must be a whole number from ${rule.min} to ${rule.max}`);
      options[name] = n;
    }
  }
  return options as OptionValues<S>;
}

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export const mib = (bytes: number | null) => (bytes === null ? "?" : `${(bytes / 2 ** 20).toFixed(0)} MiB`);

/** CPU time (user + system) of a process and all its descendants, in ms (Linux /proc; 0
 * elsewhere). On a shared machine this counts what the server did, not what it waited for. */
export function processTreeCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    let ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const child of children ? children.split(" ") : []) ms += processTreeCpuMs(Number(child));
    }
    return ms;
  } catch {
    return 0;
  }
}

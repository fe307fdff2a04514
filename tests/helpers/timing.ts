// Time budgets as ratios, never wall-clock limits. The tests run beside each other (two vitest
// workers) on a shared machine whose load changes from second to second, not from one
// millisecond to the next: so every ratio compares measurements made right after each other,
// several times, and keeps the median.
import { performance } from "node:perf_hooks";

/**
 * Milliseconds one call of `f` takes: the call repeated until it has run for at least `minMs`
 * (a single fast call is below the timer's resolution).
 */
export function timePerCall(f: () => unknown, minMs = 10): number {
  let calls = 0;
  const t = performance.now();
  let elapsed = 0;
  do {
    f();
    calls++;
    elapsed = performance.now() - t;
  } while (elapsed < minMs);
  return elapsed / calls;
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * How many times longer `slow` takes than `reference`: the median of `pairs` ratios, each of
 * two measurements made one right after the other (after one untimed call of each, the warm-up,
 * unless the caller has warmed both up).
 */
export function timeRatio(slow: () => unknown, reference: () => unknown, pairs = 5, warmUp = true): number {
  if (warmUp) {
    slow();
    reference();
  }
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) ratios.push(timePerCall(slow) / timePerCall(reference));
  return median(ratios);
}

/** How much larger the big input is than the small one in `growthOf`: linear work takes GROWTH
 * times as long on it, quadratic work GROWTH² times. */
export const GROWTH = 8;

/**
 * How the time of `run` grows with its input: time on `shape(size)` over GROWTH times the time
 * on `shape(size / GROWTH)`. About 1 when the work is linear, GROWTH when it is quadratic.
 */
export function growthOf<T>(run: (input: T) => unknown, shape: (size: number) => T, size: number): number {
  const big = shape(size);
  const small = shape(size / GROWTH);
  return timeRatio(() => run(big), () => run(small)) / GROWTH;
}

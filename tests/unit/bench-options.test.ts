// The benchmark's and drills' command line (scripts/lifecycle.ts parseOptions) and the desk
// benchmark's count of SQL statements in PostgreSQL's log (scripts/bench-desk.ts).
import { describe, expect, it } from "vitest";
import { countLoggedStatements } from "../../scripts/bench-desk";
import { parseOptions } from "../../scripts/lifecycle";

const SPEC = {
  claims: { default: 10_000, min: 10, max: 2_000_000 },
  engine: { default: "postgres", choices: ["postgres", "embedded"] },
  desk: { default: false, flag: true },
} as const;

describe("command-line options", () => {
  it("takes a switch alone, without swallowing the next option as its value", () => {
    expect(parseOptions(["--desk", "--claims", "300"], SPEC)).toEqual({ claims: 300, engine: "postgres", desk: true });
    expect(parseOptions(["--claims", "300", "--desk"], SPEC)).toEqual({ claims: 300, engine: "postgres", desk: true });
    expect(parseOptions(["--engine=embedded"], SPEC)).toEqual({ claims: 10_000, engine: "embedded", desk: false });
  });

  it("takes =true and =false for a switch and refuses any other value", () => {
    expect(parseOptions(["--desk=false"], SPEC).desk).toBe(false);
    expect(parseOptions(["--desk=true"], SPEC).desk).toBe(true);
    expect(() => parseOptions(["--desk=1"], SPEC)).toThrow(/takes no value/);
    // A value after the switch is an argument of its own, which is no option.
    expect(() => parseOptions(["--desk", "yes"], SPEC)).toThrow(/Unknown argument: yes/);
  });

  it("still refuses numbers out of bounds and unknown choices", () => {
    expect(() => parseOptions(["--claims", "5"], SPEC)).toThrow(/whole number from 10/);
    expect(() => parseOptions(["--engine", "sqlite"], SPEC)).toThrow(/one of: postgres, embedded/);
  });
});

describe("SQL statements in PostgreSQL's log", () => {
  it("counts each statement once: simple and extended protocol, not its further lines, parameters or other messages", () => {
    const log = [
      `2026-12-04 10:00:00.001 UTC [4711] LOG:  execute <unnamed>: SELECT "public"."Claim"."id" FROM "public"."Claim"`,
      `\tWHERE "public"."Claim"."status" = $1`,
      `2026-12-04 10:00:00.001 UTC [4711] DETAIL:  parameters: $1 = 'in_review'`,
      `2026-12-04 10:00:00.002 UTC [4712] LOG:  statement: BEGIN`,
      `2026-12-04 10:00:00.003 UTC [4712] LOG:  execute s1: UPDATE "UserSession" SET "lastSeenAt" = $1`,
      `2026-12-04 10:00:00.004 UTC [4712] LOG:  statement: COMMIT`,
      `2026-12-04 10:00:00.005 UTC [100] LOG:  checkpoint starting: time`,
      `2026-12-04 10:00:00.006 UTC [4713] LOG:  execute <unnamed>: SELECT 'LOG:  statement: not a second one'`,
      "",
    ].join("\n");
    expect(countLoggedStatements(log)).toBe(5);
    expect(countLoggedStatements("")).toBe(0);
  });
});

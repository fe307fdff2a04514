// Prisma's schema engine compiled to wasm (@prisma/schema-engine-wasm), used instead of the
// Prisma CLI's native binary, which cannot be downloaded offline (docs/migrations.md).
// It talks to the database through the same driver adapter as the app. Introspection of a
// live database does not work through adapter-pg (pg_catalog's "char" type), so we use only
// diff-of-schema-files and applyMigrations; the drift test compares catalogs itself.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as Engine from "@prisma/schema-engine-wasm";

export type SchemaEngine = Engine.SchemaEngine;
export type MigrationList = Engine.MigrationList;

let wasmModule: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

// The package's entry imports the .wasm as an ES module, which Node 20 rejects; load the
// bindings and instantiate the wasm beside them by hand.
// The wasm reports a Rust panic's message through this global before it throws.
const panicRegistry = { lastPanic: "", set_message(message: string) { panicRegistry.lastPanic = message; } };
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

export function lastSchemaEnginePanic(): string {
  return panicRegistry.lastPanic;
}

function loadBindings() {
  wasmModule ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const module = new WebAssembly.Module(fs.readFileSync(wasmPath));
    const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return bg;
  })();
  return wasmModule;
}

export const NO_FILTERS: Engine.SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * Opens a schema engine connected to `connectionString`. The engine connects lazily, so
 * operations that need no database (a diff of two schema files) work with any URL.
 */
export async function openSchemaEngine(
  connectionString: string,
  // The engine validates a schema on start and panics without one.
  datamodels: Array<[string, string]> = [["schema.prisma", fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8")]],
): Promise<{ engine: SchemaEngine; close(): Promise<void> }> {
  const bg = await loadBindings();
  const opened: PgAdapter[] = [];
  const factory = bindMigrationAwareSqlAdapterFactory(wholeScriptAdapter(new PrismaPg({ connectionString, max: 2 }), opened));
  const engine = await bg.SchemaEngine.new(
    { datamodels },
    (log: string) => {
      if (process.env.CLAIMBASE_DEBUG_SCHEMA_ENGINE) console.error(log);
    },
    factory,
  );
  return {
    engine,
    async close() {
      engine.free();
      // The engine does not dispose its connections; their idle pool would keep the
      // process alive for a while.
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * adapter-pg runs a migration script by splitting it at every ";", which breaks on a semicolon
 * in a comment, a string or a function body. PostgreSQL runs a multi-statement script as one
 * simple query itself (and atomically), as Prisma's native engine does; send it whole.
 */
function wholeScriptAdapter(factory: PrismaPg, opened: PgAdapter[]): PrismaPg {
  const patch = (adapter: PgAdapter) => {
    const internals = adapter as unknown as {
      client: { query(sql: string): Promise<unknown> };
      onError(error: unknown): never;
    };
    adapter.executeScript = async (script: string) => {
      try {
        await internals.client.query(script);
      } catch (error) {
        internals.onError(error);
      }
    };
    opened.push(adapter);
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => patch(await connect());
  factory.connectToShadowDb = async () => patch(await connectToShadowDb());
  return factory;
}

export function schemaTarget(files: Array<[string, string]>): Engine.DiffTarget {
  return {
    tag: "schemaDatamodel",
    files: files.map(([p, content]) => ({ path: p, content })),
  };
}

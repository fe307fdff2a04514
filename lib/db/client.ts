// The one Prisma client of the app, over @prisma/adapter-pg. Everything that reads or writes
// the database imports `db` from here (or makes its own with createPrismaClient in scripts and
// tests that choose the URL).
//
// The client's pg pool is made here and handed to the adapter (which ends it on $disconnect),
// so that the few things that speak to PostgreSQL through a library of their own (the
// throttling's rate-limiter-flexible store, lib/auth/rate-limit.ts) use the same connections:
// poolOf(client).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;

// One map for the process, like the app's client below (globalThis): Next.js bundles this
// module into several chunks (route handlers, server actions, pages), each copy with its own
// module scope, and the app's client is made by whichever copy comes first. A map per copy made
// poolOf(db) fail in every other copy (the sign-in answered "Configuration" in the production
// build).
const globalForPools = globalThis as unknown as { claimbasePools?: WeakMap<PrismaClient, pg.Pool> };
const pools = (globalForPools.claimbasePools ??= new WeakMap<PrismaClient, pg.Pool>());

export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection that breaks (server restart) must not crash the process before the
  // adapter has attached its own listener (it does so at the first Prisma query).
  pool.on("error", (error) => console.error("PostgreSQL pool:", error.message));
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

const globalForDb = globalThis as unknown as { claimbaseDb?: PrismaClient };

function connectionString(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start Claimbase with `npm start` (it starts the embedded database and sets it) or set DATABASE_URL to a PostgreSQL server.",
    );
  }
  return url;
}

function appClient(): PrismaClient {
  globalForDb.claimbaseDb ??= createPrismaClient(connectionString());
  return globalForDb.claimbaseDb;
}

// Created on first use, so that importing this module (for example during `next build`)
// needs no database. Kept on globalThis so that dev-mode hot reloads reuse one pool.
// `has` too: code tells the client from a transaction's client by `"$transaction" in client`
// (lib/editorial/records.ts inTransaction); without it every write through `db` ran outside a
// transaction (found by the fuzz drill: two claims created at once got the same slug).
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = appClient();
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
  has(_target, property) {
    return Reflect.has(appClient(), property);
  },
});

/** The pg pool under a client made by createPrismaClient (or under `db`). */
export function poolOf(client: PrismaClient): pg.Pool {
  const pool = pools.get(client === db ? appClient() : client);
  if (!pool) throw new Error("poolOf: not a client made by createPrismaClient");
  return pool;
}

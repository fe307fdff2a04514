// The one Prisma client of the app, over @prisma/adapter-pg. Everything that reads or writes
// the database imports `db` from here (or makes its own with createPrismaClient in scripts and
// tests that choose the URL).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;

export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
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

// Created on first use, so that importing this module (for example during `next build`)
// needs no database. Kept on globalThis so that dev-mode hot reloads reuse one pool.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForDb.claimbaseDb ??= createPrismaClient(connectionString());
    const value = Reflect.get(globalForDb.claimbaseDb, property);
    return typeof value === "function" ? value.bind(globalForDb.claimbaseDb) : value;
  },
});

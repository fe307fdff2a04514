// Password hashing with Argon2id (memory-hard), via @node-rs/argon2's prebuilt binaries.
import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";

export const MIN_PASSWORD_LENGTH = 12;

// OWASP's recommended Argon2id setting: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A random password that is easy to copy: 20 characters from an unambiguous alphabet. */
export function generatePassword(length = 20): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

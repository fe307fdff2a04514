// What every start does after migrating: make sure the newsroom has its verdict scale, its
// settings and its first admin, and, on an empty database in demo mode, load the demo data.
// Every step is idempotent: a second run adds nothing.
//
// Passwords are printed once, when they are made: the admin's (unless CLAIMBASE_ADMIN_PASSWORD
// sets it) and each demo account's own (unless CLAIMBASE_DEMO_PASSWORD, for tests, sets them).
// Demo accounts of earlier versions still on the once documented shared password get their own
// generated one at the next start, printed the same way. A real deployment starts with
// CLAIMBASE_DEMO=false; demo accounts already there are switched off with
// `npm run db:seed -- --disable-demo-accounts` (disableDemoAccounts).
import type { Settings } from "../config";
import { createPrismaClient, type Db } from "../db/client";
import { generatePassword, hashPassword, verifyPassword } from "../auth/password";
import { DEFAULT_VERDICT_SCALE } from "../verdicts";
import { refreshSearchWords } from "../public/search";
import { freezeMissingPublications } from "../editorial/publication";
import { DEFAULT_SETTINGS } from "../settings";
import { setUserActive } from "../editorial/users";
import { loadDemoData, DEMO_USERS, type DemoRole } from "./demo";

/** The demo accounts' shared password up to issue 11: documented, so known to anyone. */
const LEGACY_DEMO_PASSWORD = "claimbase-demo";

export interface BootstrapReport {
  adminEmail: string;
  /** Set only when the admin was created now with a generated password: print it once. */
  generatedAdminPassword: string | null;
  adminPasswordFromEnv: boolean;
  demoLoaded: boolean;
  /** Whether an active demo account exists. */
  demoPresent: boolean;
  /** The active demo accounts; `password` is set only when it was generated now: print it once. */
  demoAccounts: { email: string; role: DemoRole; password: string | null }[];
  demoPasswordFromEnv: boolean;
}

export async function ensureVerdictScale(db: Db): Promise<void> {
  if ((await db.verdictLabel.count()) > 0) return; // the newsroom's own scale stays as it is
  await db.verdictLabel.createMany({
    data: DEFAULT_VERDICT_SCALE.map((label, position) => ({ ...label, position })),
    skipDuplicates: true,
  });
}

export async function ensureSettings(db: Db): Promise<void> {
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
    await db.setting.upsert({ where: { key }, create: { key, value }, update: {} });
  }
}

export async function ensureAdmin(
  db: Db,
  settings: Pick<Settings, "CLAIMBASE_ADMIN_EMAIL" | "CLAIMBASE_ADMIN_PASSWORD">,
): Promise<{ email: string; generatedPassword: string | null }> {
  const email = settings.CLAIMBASE_ADMIN_EMAIL.toLowerCase();
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) {
    // A password given in the environment is the way back in when the admin's is lost.
    const wanted = settings.CLAIMBASE_ADMIN_PASSWORD;
    if (wanted && !(await verifyPassword(existing.passwordHash, wanted))) {
      await db.user.update({
        where: { id: existing.id },
        data: { passwordHash: await hashPassword(wanted), passwordChangedAt: new Date(), active: true, role: "admin" },
      });
    }
    return { email, generatedPassword: null };
  }
  const generated = settings.CLAIMBASE_ADMIN_PASSWORD ? null : generatePassword();
  await db.user.create({
    data: {
      email,
      name: "Administrator",
      role: "admin",
      passwordHash: await hashPassword(settings.CLAIMBASE_ADMIN_PASSWORD ?? generated!),
    },
  });
  return { email, generatedPassword: generated };
}

/** True when nothing editorial exists yet. */
async function isEmptyNewsroom(db: Db): Promise<boolean> {
  const [speakers, sources, claims] = await Promise.all([db.speaker.count(), db.source.count(), db.claim.count()]);
  return speakers + sources + claims === 0;
}

/**
 * Gives every demo account that still has the legacy shared password its own generated one;
 * returns them by e-mail (to print once).
 */
async function replaceLegacyDemoPasswords(db: Db): Promise<Map<string, string>> {
  const users = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { id: true, email: true, passwordHash: true } });
  const legacy = (await Promise.all(users.map(async (u) => ((await verifyPassword(u.passwordHash, LEGACY_DEMO_PASSWORD)) ? u : null)))).filter(
    (u): u is (typeof users)[number] => u !== null,
  );
  const replaced = new Map<string, string>();
  for (const u of legacy) {
    const password = generatePassword();
    // Ends the sessions signed in with the known password (lib/auth/session-validity.ts).
    await db.user.update({ where: { id: u.id }, data: { passwordHash: await hashPassword(password), passwordChangedAt: new Date() } });
    replaced.set(u.email, password);
  }
  return replaced;
}

export async function bootstrap(db: Db, settings: Settings): Promise<BootstrapReport> {
  await ensureVerdictScale(db);
  await ensureSettings(db);
  const admin = await ensureAdmin(db, settings);
  let demoLoaded = false;
  const generated = new Map<string, string>();
  if (settings.CLAIMBASE_DEMO && (await isEmptyNewsroom(db))) {
    for (const account of await loadDemoData(db, { password: settings.CLAIMBASE_DEMO_PASSWORD })) {
      if (account.password) generated.set(account.email, account.password);
    }
    demoLoaded = true;
  } else {
    for (const [email, password] of await replaceLegacyDemoPasswords(db)) generated.set(email, password);
  }
  // Public claims from before publications existed (an upgrade) get theirs, frozen from what
  // their pages showed: nothing readers see changes (docs/publication.md).
  await freezeMissingPublications(db);
  // The search vocabulary follows the public texts after every change through the desk; at
  // start it catches up with anything else (demo data, imports, scripts).
  await refreshSearchWords(db);
  const active = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) }, active: true }, select: { email: true } });
  const demoAccounts = DEMO_USERS.filter((u) => active.some((a) => a.email === u.email)).map((u) => ({
    email: u.email,
    role: u.role,
    password: generated.get(u.email) ?? null,
  }));
  return {
    adminEmail: admin.email,
    generatedAdminPassword: admin.generatedPassword,
    adminPasswordFromEnv: Boolean(settings.CLAIMBASE_ADMIN_PASSWORD),
    demoLoaded,
    demoPresent: demoAccounts.length > 0,
    demoAccounts,
    demoPasswordFromEnv: demoLoaded && Boolean(settings.CLAIMBASE_DEMO_PASSWORD),
  };
}

export function describeSignIn(report: BootstrapReport, baseUrl: string): string {
  const lines = [`Sign in at ${baseUrl}/signin`, `  admin: ${report.adminEmail}`];
  lines.push(
    report.generatedAdminPassword
      ? `  password: ${report.generatedAdminPassword}   (generated now and shown only this once: keep it)`
      : report.adminPasswordFromEnv
        ? "  password: the value of CLAIMBASE_ADMIN_PASSWORD"
        : "  password: the one printed at the first start (set CLAIMBASE_ADMIN_PASSWORD to reset it)",
  );
  if (report.demoAccounts.length > 0) {
    lines.push(
      "  demo accounts, each with its own password (not for a real deployment: start that with CLAIMBASE_DEMO=false,",
      "  or switch them off with: npm run db:seed -- --disable-demo-accounts):",
    );
    const width = Math.max(...report.demoAccounts.map((u) => u.email.length));
    for (const u of report.demoAccounts) {
      const password = u.password
        ? `password: ${u.password}   (generated now and shown only this once)`
        : report.demoPasswordFromEnv
          ? "password: the value of CLAIMBASE_DEMO_PASSWORD"
          : "password: the one printed at the first start (an admin can issue a reset code)";
      lines.push(`    ${u.role.padEnd(11)} ${u.email.padEnd(width)}   ${password}`);
    }
  }
  return lines.join("\n");
}

/**
 * Switches the demo accounts off (deactivated, their sessions ended), as the admin
 * CLAIMBASE_ADMIN_EMAIL would on /admin/users: with a revision and an audit event each. Their
 * work in the demo newsroom stays, signed with their names. Returns the e-mails switched off.
 */
export async function disableDemoAccounts(db: Db, settings: Pick<Settings, "CLAIMBASE_ADMIN_EMAIL">): Promise<string[]> {
  const admin = await db.user.findFirst({
    where: { email: settings.CLAIMBASE_ADMIN_EMAIL.toLowerCase(), role: "admin", active: true },
    select: { id: true, name: true, email: true, role: true },
  });
  if (!admin) throw new Error(`No active admin account ${settings.CLAIMBASE_ADMIN_EMAIL} to do it in the name of (CLAIMBASE_ADMIN_EMAIL).`);
  const demo = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) }, active: true }, select: { id: true, email: true, version: true } });
  for (const u of demo) await setUserActive(admin, { id: u.id, version: u.version, active: false }, db);
  return demo.map((u) => u.email);
}

/** npm run db:seed [-- --disable-demo-accounts] */
export async function seedDatabase(url: string, settings: Settings, options: { disableDemoAccounts?: boolean } = {}): Promise<void> {
  const db = createPrismaClient(url, 4);
  try {
    if (options.disableDemoAccounts) {
      const disabled = await disableDemoAccounts(db, settings);
      console.log(disabled.length ? `Switched off the demo accounts: ${disabled.join(", ")}.` : "No active demo accounts: nothing to switch off.");
      return;
    }
    const report = await bootstrap(db, settings);
    console.log(report.demoLoaded ? "Loaded the demo data." : "Nothing to load: the database already has its data.");
    console.log(describeSignIn(report, `http://localhost:${settings.PORT}`));
  } finally {
    await db.$disconnect();
  }
}

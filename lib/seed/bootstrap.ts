// What every start does after migrating: make sure the newsroom has its verdict scale, its
// settings and its first admin, and, on an empty database in demo mode, load the demo data.
// Every step is idempotent: a second run adds nothing.
import type { Settings } from "../config";
import { createPrismaClient, type Db } from "../db/client";
import { generatePassword, hashPassword, verifyPassword } from "../auth/password";
import { DEFAULT_VERDICT_SCALE } from "../verdicts";
import { refreshSearchWords } from "../public/search";
import { freezeMissingPublications } from "../editorial/publication";
import { DEFAULT_SETTINGS } from "../settings";
import { loadDemoData, DEMO_PASSWORD, DEMO_USERS } from "./demo";

export interface BootstrapReport {
  adminEmail: string;
  /** Set only when the admin was created now with a generated password: print it once. */
  generatedAdminPassword: string | null;
  adminPasswordFromEnv: boolean;
  demoLoaded: boolean;
  demoPresent: boolean;
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

export async function bootstrap(db: Db, settings: Settings): Promise<BootstrapReport> {
  await ensureVerdictScale(db);
  await ensureSettings(db);
  const admin = await ensureAdmin(db, settings);
  let demoLoaded = false;
  if (settings.CLAIMBASE_DEMO && (await isEmptyNewsroom(db))) {
    await loadDemoData(db);
    demoLoaded = true;
  }
  // Public claims from before publications existed (an upgrade) get theirs, frozen from what
  // their pages showed: nothing readers see changes (docs/publication.md).
  await freezeMissingPublications(db);
  // The search vocabulary follows the public texts after every change through the desk; at
  // start it catches up with anything else (demo data, imports, scripts).
  await refreshSearchWords(db);
  const demoPresent = (await db.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } })) > 0;
  return {
    adminEmail: admin.email,
    generatedAdminPassword: admin.generatedPassword,
    adminPasswordFromEnv: Boolean(settings.CLAIMBASE_ADMIN_PASSWORD),
    demoLoaded,
    demoPresent,
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
  if (report.demoPresent) {
    lines.push(`  demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const u of DEMO_USERS) lines.push(`    ${u.role.padEnd(11)} ${u.email}`);
  }
  return lines.join("\n");
}

/** npm run db:seed */
export async function seedDatabase(url: string, settings: Settings): Promise<void> {
  const db = createPrismaClient(url, 4);
  try {
    const report = await bootstrap(db, settings);
    console.log(report.demoLoaded ? "Loaded the demo data." : "Nothing to load: the database already has its data.");
    console.log(describeSignIn(report, `http://localhost:${settings.PORT}`));
  } finally {
    await db.$disconnect();
  }
}

// WHO MAY DO WHAT. The one table of the newsroom's permissions; pages, server actions and API
// routes ask `can(role, permission)` (through requirePermission / defineAction), never the role.
//
// Roles (domain.md): admin (users, settings, scales, and everything editorial), editor
// (everything editorial), reviewer (reviews and approves verdicts; may also edit), contributor
// (drafts only: records and claims, never a verdict, a review, a publication or a deletion).
// Four eyes (the approver is not the author of the verdict) is a rule of the workflow, on top
// of `claim.review` (lib/editorial/workflow.ts).
import type { Role } from "../generated/prisma/enums";

/** An account's role (the pages and components take it from here, not from the generated client). */
export type { Role };

const EVERYONE: readonly Role[] = ["admin", "editor", "reviewer", "contributor"];
const DESK: readonly Role[] = ["admin", "editor", "reviewer"];
const ADMIN: readonly Role[] = ["admin"];
/** Issue 14: importing and linking other organisations' fact-checks is the editors' business. */
const EDITORS: readonly Role[] = ["admin", "editor"];

export const PERMISSIONS = {
  /** See the newsroom: lists, records, history. */
  "desk.view": EVERYONE,
  /** Create and edit speakers, sources, quotes, draft claims, evidence; comment. */
  "record.edit": EVERYONE,
  /** Delete a record (refused anyway while something depends on it). */
  "record.delete": DESK,
  /** Set or change a claim's working verdict, summary and analysis. */
  "claim.verdict": DESK,
  /** Send a claim to review, take it back. */
  "claim.submit": DESK,
  /** Approve or reject a proposed verdict, approve a link of an external fact-check to a claim
   * (neither one's own: four eyes). */
  "claim.review": DESK,
  /** Assign a claim to a person. */
  "claim.assign": DESK,
  /** Start a correction of a published claim, or retract it. */
  "claim.correct": DESK,
  /** Import files of fact-checks (others', or our own back catalogue for an admin to confirm). */
  "import.run": EDITORS,
  /** Confirm an import of our own verdicts: they are published (four eyes: not one's own upload). */
  "import.publish": ADMIN,
  /** Link other organisations' fact-checks to our claims ("also checked by"; public once
   * approved, claim.review) and speakers; unlink them (at once: a takedown). */
  "external.link": EDITORS,
  /** Topics and the verdict scale. */
  "taxonomy.manage": ADMIN,
  /** Accounts: create, deactivate, change roles, reset passwords. */
  "users.manage": ADMIN,
  /** The audit log of sign-ins and changes. */
  "audit.view": ADMIN,
  /** One's own account (password). */
  "account.manage": EVERYONE,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLES: readonly Role[] = EVERYONE;

// What a public claim page shows of a linked external fact-check ("also checked by"), as a
// reviewer approves it. The link stores this snapshot (ClaimExternalCheck.approved) when a second
// person approves it, and lib/public reads only the snapshot: a re-import that changes the
// ExternalFactCheck row changes the desk's view of it, never the public page, until the link is
// approved again (PUBLISHED CONTENT CHANGES ONLY THROUGH REVIEW, docs/import.md).
//
// The digest names a snapshot: the approve form carries the digest of what the reviewer saw,
// and the approval is refused when the check has changed since (as a claim's approval does,
// lib/editorial/publication.ts approvalDigest).
import { createHash } from "node:crypto";
import { z } from "zod";

/** The displayed fields, in a fixed order (the digest is of their JSON). */
export interface ExternalCheckSnapshot {
  publisherName: string;
  publisherSite: string | null;
  /** Their page, only when http(s) (the import accepts nothing else; checked again here). */
  url: string | null;
  title: string | null;
  textualRating: string | null;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  /** ISO 8601. */
  reviewDate: string | null;
  language: string | null;
}

export const SNAPSHOT_FIELDS = [
  "publisherName",
  "publisherSite",
  "url",
  "title",
  "textualRating",
  "ratingValue",
  "bestRating",
  "worstRating",
  "reviewDate",
  "language",
] as const satisfies readonly (keyof ExternalCheckSnapshot)[];

/** An external check's displayed fields, as read: from its row (to snapshot it) and from an
 * approved snapshot (what the public claim page shows). */
export interface ExternalCheckFields {
  publisherName: string;
  publisherSite: string | null;
  url: string | null;
  title: string | null;
  textualRating: string | null;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  reviewDate: Date | null;
  language: string | null;
}

/** The select of ExternalFactCheck that snapshotOf needs. */
export const snapshotSelect = {
  publisherName: true,
  publisherSite: true,
  url: true,
  title: true,
  textualRating: true,
  ratingValue: true,
  bestRating: true,
  worstRating: true,
  reviewDate: true,
  language: true,
} as const;

/** The snapshot of an external check as it is now. */
export function snapshotOf(e: ExternalCheckFields): ExternalCheckSnapshot {
  return {
    publisherName: e.publisherName,
    publisherSite: e.publisherSite,
    url: e.url && /^https?:\/\//i.test(e.url) ? e.url : null,
    title: e.title,
    textualRating: e.textualRating,
    ratingValue: e.ratingValue,
    bestRating: e.bestRating,
    worstRating: e.worstRating,
    reviewDate: e.reviewDate ? e.reviewDate.toISOString() : null,
    language: e.language,
  };
}

export function snapshotDigest(s: ExternalCheckSnapshot): string {
  return createHash("sha256")
    .update(JSON.stringify(SNAPSHOT_FIELDS.map((f) => s[f])))
    .digest("hex");
}

const text = z.string().nullable();
const number = z.number().nullable();
const snapshotSchema = z.object({
  publisherName: z.string(),
  publisherSite: text,
  url: text,
  title: text,
  textualRating: text,
  ratingValue: number,
  bestRating: number,
  worstRating: number,
  reviewDate: text,
  language: text,
});

/** A stored snapshot, or null when there is none (not approved) or it is not one. */
export function readSnapshot(value: unknown): ExternalCheckSnapshot | null {
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success) return null;
  const s = parsed.data;
  return { ...s, url: s.url && /^https?:\/\//i.test(s.url) ? s.url : null };
}

/** The displayed fields whose approved value differs from the current one. */
export function changedFields(approved: ExternalCheckSnapshot, current: ExternalCheckSnapshot): { field: keyof ExternalCheckSnapshot; before: unknown; after: unknown }[] {
  return SNAPSHOT_FIELDS.filter((f) => approved[f] !== current[f]).map((f) => ({ field: f, before: approved[f], after: current[f] }));
}

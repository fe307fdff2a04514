// Claims on the desk: create and edit them, link them to topics, quotes and source passages,
// propose a verdict, assign them, comment, and read them back (lists, the review queue, the
// edit page, the history and every earlier version). The public API of the claim desk, by
// responsibility:
// - ./schemas.ts   the input of the writes (zod schemas, parsed types);
// - ./rules.ts     the rules, pure (when a field, the verdict, a deletion is allowed);
// - ./commands.ts  the writes, each one transaction and one revision;
// - ./queries.ts   the reads of lists, the review queue, the edit page and the forms' choices;
// - ./history.ts   the revisions, the versions rebuilt from them, names for stored ids.
// A form's own field names are read beside the form (app/(desk)/admin/claims/form.ts).
export { CLAIM_STATUSES } from "../status";
export {
  CLAIM_FIELDS,
  checkClaimUpdate,
  isClaimField,
  isDeletableDraft,
  passageProblem,
  requirePermissionFor,
  VERDICT_EDITABLE,
  verdictLockReason,
  type ClaimField,
} from "./rules";
export {
  assignClaimSchema,
  commentSchema,
  createClaimSchema,
  deleteClaimSchema,
  partialDate,
  passageInputSchema,
  updateClaimSchema,
  verdictFieldsSchema,
  type AssignClaimInput,
  type CommentInput,
  type CreateClaimInput,
  type DeleteClaimInput,
  type PassageInput,
  type UpdateClaimInput,
  type VerdictFieldsInput,
} from "./schemas";
export { addComment, assignClaim, createClaim, deleteClaim, updateClaim, updateVerdictFields } from "./commands";
export {
  CLAIM_SORTING,
  CLAIM_SORTS,
  claimDraftFromQuote,
  claimFilterOptions,
  claimFormOptions,
  claimListQuery,
  getClaimForEdit,
  listClaims,
  REVIEW_QUEUE_LIMIT,
  type ClaimForEdit,
  type ClaimFormOptions,
  type ClaimListItem,
  type ClaimListQuery,
  type ClaimSort,
  type Option,
  type VerdictNames,
} from "./queries";
export {
  CLAIM_FIELD_ORDER,
  claimHistory,
  claimVersions,
  valueLabels,
  versionsFromRevisions,
  type ClaimVersion,
  type HistoryEntry,
  type ValueLabels,
} from "./history";

// The server action of each workflow step, for the forms of the claim workspace (its header's
// next steps and the Workflow tab's WorkflowPanel).
import type { FormAction } from "@/lib/actions/define";
import type { Transition } from "@/lib/editorial/workflow";
import {
  approveAction,
  backToDraftAction,
  proposeCorrectionAction,
  rejectAction,
  retractAction,
  startResearchAction,
  submitAction,
  withdrawAction,
} from "../actions";

export const STEP_ACTIONS: Record<Transition, FormAction> = {
  start_research: startResearchAction,
  back_to_draft: backToDraftAction,
  submit: submitAction,
  withdraw: withdrawAction,
  approve: approveAction,
  reject: rejectAction,
  propose_correction: proposeCorrectionAction,
  retract: retractAction,
};

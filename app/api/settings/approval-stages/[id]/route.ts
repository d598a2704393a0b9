import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { updateApprovalStageSchema } from "@/lib/domains/approvals/approval-stage-schemas";
import {
  deleteApprovalStage,
  updateApprovalStage,
} from "@/lib/domains/approvals/save-approval-stage";

/** One stage: rename it, set its approvers or how many must approve; or delete it. */
export const PATCH = orgRoute("org:update", async ({ req, access, params }) => {
  const input = await parseJsonBody(req, updateApprovalStageSchema, { maxBytes: 8192 });
  return { stages: await updateApprovalStage(access, String(params.id), input) };
});

export const DELETE = orgRoute("org:update", async ({ access, params }) => ({
  stages: await deleteApprovalStage(access, String(params.id)),
}));

import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import {
  createApprovalStageSchema,
  reorderApprovalStagesSchema,
} from "@/lib/domains/approvals/approval-stage-schemas";
import { listApprovalStages } from "@/lib/domains/approvals/list-approval-stages";
import {
  createApprovalStage,
  reorderApprovalStages,
} from "@/lib/domains/approvals/save-approval-stage";

/** The approval chain: its stages in order (admins read and change it). */
export const GET = orgRoute("org:update", async ({ access }) => ({
  stages: await listApprovalStages(access.orgId),
}));

export const POST = orgRoute("org:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, createApprovalStageSchema, { maxBytes: 8192 });
  return Response.json({ stages: await createApprovalStage(access, input) }, { status: 201 });
});

/** A new order: every stage id once. */
export const PUT = orgRoute("org:update", async ({ req, access }) => {
  const { ids } = await parseJsonBody(req, reorderApprovalStagesSchema, { maxBytes: 4096 });
  return { stages: await reorderApprovalStages(access, ids) };
});

import { z } from "zod";

export const MAX_STAGES = 10;
export const MAX_REQUIRED = 20;

const name = z
  .string({ error: "Give the stage a name, e.g. “Legal”." })
  .trim()
  .min(1, { error: "Give the stage a name, e.g. “Legal”." })
  .max(60, { error: "A stage name is at most 60 characters." });
const requiredCount = z
  .number({ error: "How many must approve is a whole number." })
  .int({ error: "How many must approve is a whole number." })
  .min(1, { error: "At least one person must approve at each stage." })
  .max(MAX_REQUIRED, { error: `At most ${MAX_REQUIRED} approvals per stage.` });
const roles = z
  .array(
    z.enum(["ADMIN", "MANAGER", "EMPLOYEE"], { error: "A role is ADMIN, MANAGER or EMPLOYEE." }),
  )
  .max(3, { error: "At most three roles." });
const memberIds = z
  .array(z.string().min(1).max(64), { error: "memberIds is a list of user ids." })
  .max(100, { error: "At most 100 named approvers per stage." });

/** A new stage: its name, how many must approve, and its approvers (roles and/or members). */
export const createApprovalStageSchema = z.strictObject({
  name,
  requiredCount: requiredCount.default(1),
  roles: roles.default([]),
  memberIds: memberIds.default([]),
});

/** A change to a stage: any of the same fields; lists given are replaced whole. */
export const updateApprovalStageSchema = z
  .strictObject({ name, requiredCount, roles, memberIds })
  .partial();

/** The stages in their new order: every stage id of the organisation, once. */
export const reorderApprovalStagesSchema = z.strictObject({
  ids: z
    .array(z.string().min(1).max(64), { error: "ids is the list of stage ids in order." })
    .min(1, { error: "Send the stage ids in their new order." })
    .max(MAX_STAGES, { error: `At most ${MAX_STAGES} stages.` }),
});

export type CreateApprovalStageInput = z.infer<typeof createApprovalStageSchema>;
export type UpdateApprovalStageInput = z.infer<typeof updateApprovalStageSchema>;

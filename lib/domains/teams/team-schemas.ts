import { z } from "zod";
import { idField } from "@/lib/core/validation";

const teamName = z
  .string({ error: "Enter a team name." })
  .trim()
  .min(1, { error: "Enter a team name." })
  .max(60, { error: "Team names are at most 60 characters." });

const description = z
  .string()
  .trim()
  .max(500, { error: "Descriptions are at most 500 characters." })
  .nullable()
  .optional();

export const createTeamSchema = z
  .object({
    name: teamName,
    description,
    managerIds: z.array(idField).max(100).optional(),
  })
  .strict();

export const updateTeamSchema = z
  .object({
    name: teamName.optional(),
    description,
    /** Membership ids of the team's managers (MANAGER or ADMIN members). Replaces the list. */
    managerIds: z.array(idField).max(100).optional(),
    /** Membership ids of the team's members. Replaces the list. */
    memberIds: z.array(idField).max(10_000).optional(),
  })
  .strict();

export type CreateTeamInput = z.infer<typeof createTeamSchema>;
export type UpdateTeamInput = z.infer<typeof updateTeamSchema>;

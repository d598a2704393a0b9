import type { z } from "zod";
import type { JobDefinition } from "@/lib/core/jobs/define-job";

/** A payload that does not match its job's schema: a bug in the producer, never worth a retry. */
export class JobPayloadError extends Error {
  constructor(
    readonly jobName: string,
    readonly issues: readonly z.core.$ZodIssue[],
    readonly jobId?: string,
  ) {
    super(
      `Invalid payload for job "${jobName}"${jobId ? ` (${jobId})` : ""}: ${describeIssues(issues)}`,
    );
    this.name = "JobPayloadError";
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "payload"}: ${issue.message}`)
    .join("; ");
}

/** The payload parsed by the definition's schema, or a JobPayloadError naming each bad field. */
export function parseJobPayload<S extends z.ZodType>(
  definition: JobDefinition<S>,
  data: unknown,
  jobId?: string,
): z.output<S> {
  const result = definition.schema.safeParse(data);
  if (!result.success) throw new JobPayloadError(definition.name, result.error.issues, jobId);
  return result.data;
}

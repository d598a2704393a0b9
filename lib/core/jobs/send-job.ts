import type { z } from "zod";
import type { JobDefinition } from "@/lib/core/jobs/define-job";
import { parseJobPayload } from "@/lib/core/jobs/job-payload";
import { ensureQueue, getBoss } from "@/lib/core/jobs/boss";

export interface SendJobOptions {
  /** The job's id (a UUID), when the caller stores it beforehand. */
  id?: string;
  /** Run no earlier than this date, or this many seconds from now. */
  startAfter?: Date | number;
  /** Overrides the definition's priority (higher is fetched first). */
  priority?: number;
  /** Overrides the definition's singleton key. */
  singletonKey?: string;
}

/**
 * Sends a job (from any process: a boss without workers is started on demand). The payload is
 * checked against the definition's schema first: a wrong one throws a JobPayloadError and nothing
 * is sent. Returns the job id, or null when the queue's policy refused it (e.g. one already
 * waiting in a "stately" queue, or a singleton key in use).
 */
export async function sendJob<S extends z.ZodType>(
  definition: JobDefinition<S>,
  payload: z.input<S>,
  options: SendJobOptions = {},
): Promise<string | null> {
  const data = parseJobPayload(definition, payload);
  const priority = options.priority ?? definition.options.priority;
  const singletonKey = options.singletonKey ?? definition.options.singletonKey?.(data);
  const boss = await getBoss();
  await ensureQueue(boss, definition);
  return boss.send(definition.name, data as object, {
    ...(options.id ? { id: options.id } : {}),
    ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
    ...(priority !== undefined ? { priority } : {}),
    ...(singletonKey ? { singletonKey } : {}),
  });
}

/** Cancels a job that has not run yet (e.g. a scheduled post the person called off). */
export async function cancelJob(definition: JobDefinition, id: string): Promise<void> {
  const boss = await getBoss();
  await boss.cancel(definition.name, id);
}

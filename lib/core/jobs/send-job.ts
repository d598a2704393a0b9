import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { JobDefinition } from "@/lib/core/jobs/define-job";
import { parseJobPayload } from "@/lib/core/jobs/job-payload";
import { ensureQueue, getBoss } from "@/lib/core/jobs/boss";
import type { Tx } from "@/lib/core/db/client";

export interface SendJobOptions {
  /** The job's id (a UUID), when the caller stores it beforehand. */
  id?: string;
  /** Run no earlier than this date, or this many seconds from now. */
  startAfter?: Date | number;
  /** Overrides the definition's priority (higher is fetched first). */
  priority?: number;
  /** Overrides the definition's singleton key. */
  singletonKey?: string;
  /**
   * Insert the job in this transaction: it exists only if the transaction commits, and no worker
   * can pick it up before the rows it refers to are visible (a transactional outbox).
   */
  tx?: Tx;
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
    ...(options.tx ? { db: transactionExecutor(options.tx) } : {}),
  });
}

/** One job of `sendJobs`: its payload and the options of `sendJob` that apply to many at once. */
export interface JobToSend<P> {
  payload: P;
  options?: Pick<SendJobOptions, "id" | "priority" | "singletonKey" | "startAfter">;
}

/** Jobs inserted per statement: keeps each INSERT's JSON parameter to a few megabytes. */
const INSERT_CHUNK = 1000;

/**
 * Sends many jobs of one definition at once (pg-boss `insert`: one statement per 1,000 jobs
 * instead of a round trip each), e.g. the emails of a 10,000-row import. Every payload is checked
 * first: one malformed payload throws a JobPayloadError and nothing is sent. Queue policies are
 * not applied (no "stately" collapsing); retry settings come from the queue. Returns the ids, in
 * order.
 */
export async function sendJobs<S extends z.ZodType>(
  definition: JobDefinition<S>,
  jobs: readonly JobToSend<z.input<S>>[],
): Promise<string[]> {
  if (jobs.length === 0) return [];
  const rows = jobs.map(({ payload, options = {} }) => {
    const data = parseJobPayload(definition, payload);
    const priority = options.priority ?? definition.options.priority;
    const singletonKey = options.singletonKey ?? definition.options.singletonKey?.(data);
    const startAfter = options.startAfter;
    return {
      id: options.id ?? randomUUID(),
      name: definition.name,
      data: data as object,
      ...(priority !== undefined ? { priority } : {}),
      ...(singletonKey ? { singletonKey } : {}),
      ...(startAfter !== undefined
        ? {
            startAfter:
              startAfter instanceof Date
                ? startAfter.toISOString()
                : new Date(Date.now() + startAfter * 1000).toISOString(),
          }
        : {}),
    };
  });
  const boss = await getBoss();
  await ensureQueue(boss, definition);
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await boss.insert(rows.slice(i, i + INSERT_CHUNK));
  }
  return rows.map((r) => r.id);
}

/** Cancels a job that has not run yet (e.g. a scheduled post the person called off). */
export async function cancelJob(definition: JobDefinition, id: string): Promise<void> {
  const boss = await getBoss();
  await boss.cancel(definition.name, id);
}

/** pg-boss's `db` option: its SQL runs on the transaction's connection. */
function transactionExecutor(tx: Tx) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
    }),
  };
}

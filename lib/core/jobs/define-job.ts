import type PgBoss from "pg-boss";
import type { z } from "zod";

/**
 * A background job, declared once in a file of its own beside the code it runs
 * (lib/domains/<module>/jobs/<name>.ts): its queue name, the zod schema of its payload, its queue
 * options and its handler. Producers send it with `sendJob(definition, payload)`
 * (lib/core/jobs/send-job.ts); only the worker start-up (lib/jobs/) reads the list of all of them.
 */
export interface JobOptions<P = unknown> {
  /**
   * pg-boss queue policy (default "standard"). "stately": at most one job waiting and one running
   * — repeated sends while one waits collapse into it (a natural debounce).
   */
  policy?: PgBoss.QueuePolicy;
  /** Cron expression (UTC): the worker start-up schedules a job with payload `{}` on it. */
  cron?: string;
  /** How often an idle worker looks for work (default 2 s). */
  pollingIntervalSeconds?: number;
  /** A job running longer than this is considered failed and retried. */
  expireInSeconds?: number;
  /** Retries of a failed job (default 3), the first after `retryDelay` s (default 5), doubling with backoff. */
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  /**
   * Workers of this queue per process (default 1), each running one job — or one batch — at a
   * time. A function is read when the workers start (e.g. from env()), not when the definition is
   * imported.
   */
  concurrency?: number | (() => number);
  /**
   * Jobs a worker fetches at once (default 1). Above 1, a definition with `handleBatch` gets them
   * in one call; without it they still run one by one through `handler`. Fetched highest priority
   * first, like single jobs.
   */
  batchSize?: number | (() => number);
  /** Default priority of sent jobs (higher is fetched first); a send may override it. */
  priority?: number;
  /** A singleton key computed from the payload: pg-boss keeps one job per key (dedupe). */
  singletonKey?(payload: P): string | undefined;
}

/** What a handler learns about the job it runs. */
export interface JobContext {
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
  /** Retries the queue allows after the first attempt. */
  retryLimit: number;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** The pg-boss queue name; unique across the app (the registry test checks). */
  readonly name: string;
  /** Validates the payload when it is sent and again when a worker takes the job. */
  readonly schema: S;
  readonly options: JobOptions<z.output<S>>;
  /**
   * Runs one job with its parsed payload. Load the code it runs with a dynamic `import()` inside,
   * so that a producer importing the definition does not load the handler's dependencies. Throwing
   * fails the attempt: pg-boss retries it per the options, and after the last retry the job stays
   * in pg-boss's tables as failed (visible and retryable).
   */
  handler(payload: z.output<S>, job: JobContext): Promise<void>;
  /**
   * Runs a batch of jobs at once when `batchSize` is above 1 (e.g. emails sent over pooled SMTP
   * connections with one database round trip for the batch). Malformed payloads are failed before
   * it is called; it gets only parsed ones and reports its failures per job.
   */
  handleBatch?(jobs: BatchJob<z.output<S>>[]): Promise<BatchFailures>;
}

/** A numeric option that may be read from configuration when the workers start. */
export function resolveJobOption(value: number | (() => number) | undefined, fallback: number) {
  const resolved = typeof value === "function" ? value() : value;
  return resolved ?? fallback;
}

/** One job of a batch handed to `handleBatch`. */
export interface BatchJob<P> {
  payload: P;
  job: JobContext;
}

/**
 * What a batch handler reports: the jobs that failed, by job id, each with the error that fails
 * its attempt (retried per the options, like a throwing `handler`). Every other job of the batch
 * completes. Throwing fails the whole batch.
 */
export type BatchFailures = ReadonlyMap<string, Error>;

/** Declares a job (an identity function that gives the definition its payload type). */
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** The payload a producer passes to `sendJob` for a definition. */
export type JobPayload<D> = D extends JobDefinition<infer S> ? z.input<S> : never;

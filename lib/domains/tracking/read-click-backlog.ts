import path from "node:path";
import { env } from "@/lib/core/env";
import { existingClickPath } from "@/lib/domains/tracking/click-path";
import { ClickSpool, type SpoolSize } from "@/lib/domains/tracking/click-spool";

export interface ClickBacklog {
  /** Clicks in this process's memory, not yet written (0 when it serves no tracked links). */
  buffered: number;
  /** The spool directory (shared by the instances that share CLICK_SPOOL_DIR). */
  spool: SpoolSize;
}

/** Clicks not yet in the database, for monitoring: read only, starts nothing. */
export async function readClickBacklog(): Promise<ClickBacklog> {
  const recorder = existingClickPath()?.recorder;
  const spool = recorder?.spool ?? new ClickSpool(path.resolve(env().CLICK_SPOOL_DIR));
  return { buffered: recorder?.buffered ?? 0, spool: await spool.size() };
}

import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/**
 * Daily: creates ClickEvent's monthly partitions ahead (moving stray rows out of the default
 * partition) and drops the months older than CLICK_RETENTION_MONTHS whose days are rolled up
 * (lib/domains/tracking/click-partitions.ts). A month still marked for the rollup is retried the
 * next day.
 */
export const clickPartitionsJob = defineJob({
  name: "click-partitions",
  schema: z.object({}),
  options: {
    policy: "stately",
    cron: "41 2 * * *",
    pollingIntervalSeconds: 60,
    expireInSeconds: 30 * 60,
  },
  async handler() {
    const [{ maintainClickPartitions }, { getDb }, { env }] = await Promise.all([
      import("@/lib/domains/tracking/click-partitions"),
      import("@/lib/core/db/client"),
      import("@/lib/core/env"),
    ]);
    await maintainClickPartitions(getDb(), { retentionMonths: env().CLICK_RETENTION_MONTHS });
  },
});

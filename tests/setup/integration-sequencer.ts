/**
 * Order of the integration test files: longest first, so that with two files running at a time
 * neither worker is left with a long file at the end while the other idles.
 *
 * Vitest orders by the durations it cached on earlier runs (node_modules/.vite), which a clean
 * clone (CI, after `npm ci`) does not have; it then falls back to file size, a poor guess here (a
 * short file that spawns the app server outlasts a long one of quick checks). So files with a
 * cached duration use it, files without one use the rough durations below (seconds of one run
 * alone on a 2-core machine, by file name so that moving a file between folders keeps its entry;
 * they only decide the order, so they need no upkeep beyond adding a file that turns out slow),
 * and files in neither go last in vitest's order.
 */
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const SECONDS: Record<string, number> = {
  "db-tooling.test.ts": 85,
  "db-backup-restore.test.ts": 53,
  "bad-input.test.ts": 48,
  "click-server.test.ts": 33,
  "linkedin-token-rotation.test.ts": 33,
  "auth.test.ts": 32,
  "password-reset.test.ts": 23,
  "linkedin-publish.test.ts": 22,
  "email-digest.test.ts": 21,
  "webhooks.test.ts": 19,
  "role-matrix.test.ts": 18,
  "invitations.test.ts": 17,
  "email-delivery.test.ts": 15,
  "tenant-isolation.test.ts": 12,
  "rate-limits.test.ts": 10,
  "response-secrets.test.ts": 10,
  "audit-log.test.ts": 7,
  "conversions-api.test.ts": 7,
  "analytics-rollup.test.ts": 6,
  "org-time-zone-rollups.test.ts": 6,
  "content-regressions.test.ts": 5,
  "content.test.ts": 5,
  "shares.test.ts": 5,
  "start-script.test.ts": 5,
};

export default class IntegrationSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const vitestOrder = await super.sort(files);
    const root = this.ctx.config.root;
    const weight = (spec: TestSpecification): number | undefined => {
      const relative = path.relative(root, spec.moduleId).split(path.sep).join("/");
      const cached = this.ctx.cache.getFileTestResults(`${spec.project.name}:${relative}`);
      if (cached?.duration) return cached.duration / 1000;
      return SECONDS[path.basename(relative)];
    };
    const position = new Map(vitestOrder.map((spec, index) => [spec, index]));
    return [...vitestOrder].sort((a, b) => {
      const wa = weight(a);
      const wb = weight(b);
      if (wa !== undefined && wb !== undefined && wa !== wb) return wb - wa;
      if (wa !== undefined && wb === undefined) return -1;
      if (wa === undefined && wb !== undefined) return 1;
      return position.get(a)! - position.get(b)!;
    });
  }
}

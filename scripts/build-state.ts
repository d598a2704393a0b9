/**
 * Whether the production build (.next) is older than the sources it is built from: `npm start`
 * builds then (scripts/start.ts), and `npm test` builds ahead, beside the integration tests
 * (scripts/run-tests.ts).
 */
import fs from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "prisma", "public"];
const SOURCE_FILES = [
  "next.config.ts",
  "proxy.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

function newestSourceMtime(root: string): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      if (p.endsWith(`${path.sep}generated`)) return;
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(path.join(root, entry));
  return newest;
}

/** No production build yet, or a source file newer than it. */
export function buildIsStale(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  return !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceMtime(root);
}

/** Next.js's command line, run with this Node.js (`node <nextBin> build`). */
export function nextBin(root: string): string {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

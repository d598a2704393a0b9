/**
 * Builds the service worker (lib/pwa/sw.ts) for app/serwist/[path]/route.ts: the precache list of
 * this build from Serwist's manifest builder (@serwist/build: the build's JS and CSS, whose names are
 * content-hashed, Inter's latin fonts and public/, revisioned by the hash of their content), then one
 * esbuild bundle with that list injected as `self.__SW_MANIFEST`. `next build` runs it once
 * (the route is static); every build whose client output differs yields a different worker.
 *
 * The same steps as @serwist/turbopack's route, without its loading of next.config (it loads a
 * second copy of Next's server, which breaks route handlers loaded after it in the test suites).
 */
import path from "node:path";
import { getManifest } from "@serwist/build";
import { build } from "esbuild";

const root = process.cwd();

/** The worker's source and the one file the route serves. */
export const SERVICE_WORKER_SOURCE = "lib/pwa/sw.ts";
export const SERVICE_WORKER_FILE = "sw.js";

let built: Promise<string> | null = null;

async function buildOnce(): Promise<string> {
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: root,
    globPatterns: [
      ".next/static/**/*.{js,css}",
      // Inter: the latin subsets only (the others load on demand when a page needs them).
      ".next/static/media/inter-latin-*.woff2",
      "public/**/*",
    ],
    // Content-hashed names need no revision of their own.
    dontCacheBustURLsMatching: /^\.next\/static\//,
    modifyURLPrefix: { ".next/static/": "/_next/static/", "public/": "/" },
  });
  for (const warning of warnings) console.warn(`[chorus] service worker: ${warning}`);
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, SERVICE_WORKER_SOURCE)],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    define: { "self.__SW_MANIFEST": JSON.stringify(manifestEntries ?? []) },
  });
  return result.outputFiles[0]!.text;
}

/** The worker's JavaScript (built on first call, then kept). */
export function buildServiceWorker(): Promise<string> {
  built ??= buildOnce().catch((error: unknown) => {
    built = null;
    throw error;
  });
  return built;
}

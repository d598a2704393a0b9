/**
 * The layers of lib/ and the no-cycles rule, checked by `npm run lint:deps` (scripts/lint-deps.ts,
 * part of `npm run check`, which also checks that no two modules of lib/ import each other in a loop).
 * README "Architecture" explains them. Layers, bottom to top:
 *   lib/core (+ lib/generated, the Prisma client) → lib/integrations → lib/domains → lib/jobs
 *   → app/, components/, scripts/, tests/, bench/, prisma/ (above lib)
 * Beside the layers, lib/pwa: the service worker (runs in the browser; imports only lib/pwa).
 * A file may import its own layer and the layers below it, never one above.
 */
const ABOVE_LIB = "^(app|components|scripts|tests|bench|prisma)/|^[^/]+\\.(ts|tsx|mjs)$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "Circular import. Break it: move what both files need into a lower file (or layer), or pass it in. Cycles through type-only imports, and through the lazily loaded handler of a job definition, are allowed.",
      from: { pathNot: "^lib/generated/" },
      to: {
        circular: true,
        viaOnly: { dependencyTypesNot: ["type-only", "dynamic-import"] },
      },
    },
    {
      name: "no-circular-dynamic-import",
      severity: "error",
      comment:
        "A dynamic import() closes an import cycle. Only a job definition's handler (lib/domains/<module>/jobs/*.ts) may load its code lazily like this; elsewhere break the cycle.",
      from: { pathNot: "^lib/generated/|^lib/domains/[^/]+/jobs/[^/]+\\.ts$" },
      to: { circular: true, dependencyTypes: ["dynamic-import"] },
    },
    {
      name: "core-imports-only-core",
      severity: "error",
      comment:
        "lib/core depends on nothing of ours outside lib/core (and the generated Prisma client).",
      from: { path: "^lib/core/" },
      to: { path: `^lib/(integrations|domains|jobs)/|${ABOVE_LIB}` },
    },
    {
      name: "integrations-import-only-core",
      severity: "error",
      comment:
        "lib/integrations (adapters to the outside) depend only on lib/core: not on domains, jobs or anything above lib.",
      from: { path: "^lib/integrations/" },
      to: { path: `^lib/(domains|jobs)/|${ABOVE_LIB}` },
    },
    {
      name: "integrations-independent",
      severity: "error",
      comment: "One integration does not import another: move what both need to lib/core.",
      from: { path: "^lib/integrations/([^/]+)/" },
      to: { path: "^lib/integrations/", pathNot: "^lib/integrations/$1/" },
    },
    {
      name: "domains-not-upward",
      severity: "error",
      comment:
        "lib/domains may import lib/core, lib/integrations and other domains, never lib/jobs (the worker wiring) or anything above lib. To run a job, import its definition and call sendJob.",
      from: { path: "^lib/domains/" },
      to: { path: `^lib/jobs/|${ABOVE_LIB}` },
    },
    {
      name: "lib-not-upward",
      severity: "error",
      comment: "lib/ never imports app/, components/, scripts/, tests/, bench/ or prisma/.",
      from: { path: "^lib/" },
      to: { path: ABOVE_LIB },
    },
    {
      name: "lib-layers-only",
      severity: "error",
      comment:
        "Code in lib/ lives in a layer folder: lib/core, lib/integrations, lib/domains or lib/jobs.",
      from: {},
      to: { path: "^lib/(?!core/|integrations/|domains/|jobs/|generated/|pwa/)" },
    },
    {
      name: "pwa-is-the-service-worker",
      severity: "error",
      comment:
        "lib/pwa is the service worker's code (bundled for the browser by app/serwist/[path]/route.ts): it imports only lib/pwa, never server code.",
      from: { path: "^lib/pwa/" },
      to: { path: "^lib/(?!pwa/)|" + ABOVE_LIB },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "This import does not resolve to a file.",
      from: {},
      to: { couldNotResolve: true, pathNot: "^(bun|node):" },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^lib/generated/"] },
    exclude: { path: ["^\\.next/", "^node_modules/", "^test-results/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

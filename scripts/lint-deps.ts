/**
 * `npm run lint:deps`: the dependency rules of README "Architecture".
 *
 * 1. dependency-cruiser with .dependency-cruiser.cjs: no circular import between files, no upward
 *    import between the layers of lib/ (core → integrations → domains → jobs → above lib).
 * 2. No loop between the modules of lib/ (lib/domains/<module>, lib/integrations/<adapter>,
 *    lib/core/<part>): one module may import another, but never in a cycle, even when no two files
 *    form one. Type-only imports do not count. (dependency-cruiser's folder-scoped rules count
 *    parent folders too, so one upward import made them report dozens of loops.)
 *
 * Exits non-zero on any violation, printing each with the files involved and how to fix it.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { ICruiseResult } from "dependency-cruiser";

const root = path.resolve(import.meta.dirname, "..");
const PATHS = [
  "app",
  "components",
  "lib",
  "scripts",
  "tests",
  "bench",
  "prisma",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-node.ts",
  "next.config.ts",
];

function cruise(): ICruiseResult {
  const bin = path.join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
  const args = [bin, ...PATHS, "--config", ".dependency-cruiser.cjs", "--output-type", "json"];
  let json: string;
  try {
    json = execFileSync(process.execPath, args, {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 512 * 1024 * 1024,
    });
  } catch (error) {
    // Violations make dependency-cruiser exit non-zero; its JSON is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    json = stdout;
  }
  return JSON.parse(json) as ICruiseResult;
}

/** The module of a file in lib/, e.g. lib/domains/sharing, lib/core/http, lib/core/env.ts. */
function moduleOf(file: string): string | null {
  const m = /^lib\/(core|integrations|domains)\/([^/]+)/.exec(file);
  if (m) return `lib/${m[1]}/${m[2]}`;
  return file.startsWith("lib/jobs/") ? "lib/jobs" : null;
}

/** Loops between modules: one shortest cycle for each strongly connected group of modules. */
function moduleCycles(result: ICruiseResult): { cycle: string[]; edges: string[] }[] {
  const graph = new Map<string, Map<string, string>>(); // module → (module → example file edge)
  for (const mod of result.modules) {
    const from = moduleOf(mod.source);
    if (!from) continue;
    for (const dep of mod.dependencies) {
      const to = moduleOf(dep.resolved);
      if (!to || to === from || dep.dependencyTypes.includes("type-only")) continue;
      const targets = graph.get(from) ?? graph.set(from, new Map()).get(from)!;
      if (!targets.has(to)) targets.set(to, `${mod.source} → ${dep.resolved}`);
    }
  }
  // Tarjan's strongly connected components.
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) visit(v);

  return groups.map((group) => {
    // Shortest way from the group's first module back to itself, inside the group.
    const start = [...group].sort()[0]!;
    const previous = new Map<string, string>();
    const queue = [start];
    let last: string | null = null;
    while (queue.length && !last) {
      const v = queue.shift()!;
      for (const w of graph.get(v)?.keys() ?? []) {
        if (!group.includes(w)) continue;
        if (w === start) {
          last = v;
          break;
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    const cycle = [start];
    for (let v = last!; v !== start; v = previous.get(v)!) cycle.splice(1, 0, v);
    cycle.push(start);
    const edges = cycle.slice(1).map((to, i) => graph.get(cycle[i]!)!.get(to)!);
    return { cycle, edges };
  });
}

/** dependency-cruiser's violations, each with the whole cycle (if any) and its rule's comment. */
function reportViolations(result: ICruiseResult): number {
  const comments = new Map(
    (result.summary.ruleSetUsed?.forbidden ?? []).map((rule) => [rule.name, rule.comment]),
  );
  const errors = result.summary.violations.filter((v) => v.rule.severity === "error");
  for (const v of errors) {
    const chain = v.cycle?.length
      ? [v.from, ...v.cycle.map((c) => (typeof c === "string" ? c : c.name))]
      : [v.from, v.to];
    console.log(`\n  error ${v.rule.name}: ${chain.join(" → \n      ")}`);
    const comment = comments.get(v.rule.name);
    if (comment) console.log(`    ${comment}`);
  }
  if (errors.length) {
    console.log(`\nx ${errors.length} dependency violation(s).`);
  }
  return errors.length;
}

const result = cruise();
const violations = reportViolations(result);
const cycles = moduleCycles(result);
for (const { cycle, edges } of cycles) {
  console.log(`\n  error no-circular-modules: ${cycle.join(" → \n      ")}`);
  console.log(
    "    Modules of lib/ import each other in a loop. A module may import another, never in a\n" +
      "    cycle: move what the lower one needs into it (or into lib/core), or split a module.\n" +
      "    The imports that close the loop:",
  );
  for (const edge of edges) console.log(`      ${edge}`);
}
if (violations === 0 && cycles.length === 0) {
  console.log(
    `✔ no dependency violations (${result.summary.totalCruised} modules, ${result.summary.totalDependenciesCruised} dependencies), no loop between lib modules`,
  );
} else {
  if (cycles.length) console.log(`\nx ${cycles.length} loop(s) between lib modules.`);
  process.exit(1);
}

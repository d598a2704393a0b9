/**
 * The route inventory (tests/support/route-inventory.ts) matches the code: every route handler file
 * and exported method, every page and every exported server action is listed, nothing listed is
 * gone, and each guard in the code (orgRoute("…"), userRoute, publicRoute, apiKeyRoute,
 * requirePageAccess("…")) is the one the inventory states.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  PAGES,
  pathOfFile,
  pathParams,
  ROUTE_HANDLERS,
  SERVER_ACTIONS,
  type Guard,
  type HttpMethod,
  type PageEntry,
  type RouteHandlerEntry,
} from "@/tests/support/route-inventory";
import { ProbeCounter } from "../support/hardening-report";

const APP = path.resolve(import.meta.dirname, "../../app");
const SCHEMA = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");
const METHODS: HttpMethod[] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const probe = new ProbeCounter();

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [path.relative(APP, full).split(path.sep).join("/")];
  });
}

const files = walk(APP);
const read = (file: string) => fs.readFileSync(path.join(APP, file), "utf8");

/** The wrapper each exported method uses, as written in the source. */
function methodGuards(source: string): Map<HttpMethod, string> {
  const found = new Map<HttpMethod, string>();
  for (const method of METHODS) {
    const wrapped = new RegExp(
      `export const ${method}\\s*=\\s*(orgRoute|userRoute|publicRoute|apiKeyRoute|scimRoute)\\(\\s*(\\[[^\\]]*\\]|"[^"]*")?`,
    ).exec(source);
    if (wrapped) {
      const [, wrapper, arg] = wrapped;
      found.set(method, arg ? `${wrapper}(${arg.replace(/\s+/g, "")})` : `${wrapper}()`);
    } else if (
      new RegExp(`export (async )?function ${method}\\b`).test(source) ||
      new RegExp(`export const \\{[^}]*\\b${method}\\b[^}]*\\}`).test(source)
    ) {
      found.set(method, "function");
    }
  }
  return found;
}

function expectedWrapper(guard: Guard): string[] {
  switch (guard.kind) {
    case "org":
      return [`orgRoute("${guard.permission}")`];
    case "user":
      return ["userRoute()"];
    case "public":
    case "token":
      return ["publicRoute()", "function"];
    case "apiKey":
      return [
        `apiKeyRoute(${JSON.stringify(guard.scopes).replace(/\s+/g, "")})`,
        ...guard.scopes.map((scope) => `apiKeyRoute("${scope}")`),
      ];
    case "scimToken":
      return ["scimRoute()"];
  }
}

/** Prisma models whose rows belong to an organisation (an `orgId` field). */
const ORG_MODELS = new Set(
  [...fs.readFileSync(SCHEMA, "utf8").matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)]
    .filter(([, , body]) => /^\s+orgId\s/m.test(body!))
    .map(([, name]) => name!),
);
/** Ids that are not a model's primary key (a member's handle), scoped by organisation too. */
const OTHER_ID_KINDS = new Set(["User.handle"]);

/**
 * What is wrong with an entry's path parameters: every dynamic segment of the path its file serves
 * must be declared once, in `ids` (with an organisation-owned model) or in `notIds` (with a reason).
 */
function paramProblems(entry: RouteHandlerEntry | PageEntry): string[] {
  const problems: string[] = [];
  const served = pathOfFile(entry.file);
  // The pattern is the file's: a segment cannot be hidden by a path written differently.
  if (served !== entry.path) {
    problems.push(`the file ${entry.file} serves ${served}, the inventory says ${entry.path}`);
  }
  const params = pathParams(served).map((p) => p.name);
  const ids = Object.keys(entry.ids ?? {});
  const notIds = Object.keys(entry.notIds ?? {});
  for (const name of params) {
    const declared = Number(ids.includes(name)) + Number(notIds.includes(name));
    if (declared === 0) {
      problems.push(
        `[${name}] not declared: add it to \`ids\` with its model (e.g. { ${name}: "ContentItem" }), or to \`notIds\` with the reason it names no organisation record`,
      );
    } else if (declared === 2) {
      problems.push(`[${name}] declared both in \`ids\` and in \`notIds\``);
    }
  }
  for (const name of [...ids, ...notIds]) {
    if (!params.includes(name)) problems.push(`[${name}] declared, but not in the path`);
  }
  for (const [name, model] of Object.entries(entry.ids ?? {})) {
    if (!ORG_MODELS.has(model) && !OTHER_ID_KINDS.has(model)) {
      problems.push(
        `[${name}] ${model} is no organisation-owned model of prisma/schema.prisma (nor one of ${[...OTHER_ID_KINDS].join(", ")})`,
      );
    }
  }
  for (const [name, why] of Object.entries(entry.notIds ?? {})) {
    if (why.trim().length < 20) problems.push(`[${name}] not an id: say why (a sentence)`);
  }
  return problems;
}

describe("route inventory", () => {
  afterAll(() => probe.report("route inventory"));
  let seen = 0;
  /** Failures found by the current test only. */
  const newFailures = () => {
    const fresh = probe.failures.slice(seen);
    seen = probe.failures.length;
    return fresh;
  };

  it("lists every route handler file and method, with the guard the code uses", () => {
    const routeFiles = files.filter((file) => file.endsWith("route.ts"));
    for (const file of routeFiles) {
      const entry = ROUTE_HANDLERS.find((route) => route.file === file);
      probe.route(`route ${file}`);
      if (!probe.check(`route ${file}`, Boolean(entry), "missing from the route inventory"))
        continue;
      const inCode = methodGuards(read(file));
      const listed = Object.keys(entry!.methods) as HttpMethod[];
      for (const method of new Set([...inCode.keys(), ...listed])) {
        const guard = entry!.methods[method];
        const code = inCode.get(method);
        if (!probe.check(`${method} ${entry!.path}`, Boolean(guard), "method not in inventory"))
          continue;
        if (!probe.check(`${method} ${entry!.path}`, Boolean(code), "listed but not exported"))
          continue;
        // The LinkedIn callback wraps orgRoute in a function that turns 401 into a sign-in redirect.
        const accepted = expectedWrapper(guard!);
        const wrapsInside =
          code === "function" &&
          guard!.kind === "org" &&
          read(file).includes(`orgRoute("${guard!.permission}"`);
        probe.check(
          `${method} ${entry!.path}`,
          accepted.includes(code!) || wrapsInside,
          `code uses ${code}, inventory says ${accepted.join(" or ")}`,
        );
      }
    }
    for (const entry of ROUTE_HANDLERS) {
      probe.check(
        `route ${entry.file}`,
        routeFiles.includes(entry.file),
        "listed but no such file",
      );
    }
    expect(newFailures()).toEqual([]);
  });

  it("lists every page, with the permission it asks for", () => {
    const pageFiles = files.filter((file) => file.endsWith("page.tsx"));
    for (const file of pageFiles) {
      const entry = PAGES.find((page) => page.file === file);
      probe.route(`page ${file}`);
      if (!probe.check(`page ${file}`, Boolean(entry), "missing from the route inventory"))
        continue;
      const asked = /requirePageAccess\(\s*"([^"]+)"/.exec(read(file))?.[1];
      const guard = entry!.guard;
      probe.check(
        `page ${entry!.path}`,
        guard.kind === "org" ? asked === guard.permission : asked === undefined,
        `code asks ${asked ?? "no permission"}, inventory says ${guard.kind === "org" ? guard.permission : guard.kind}`,
      );
    }
    for (const entry of PAGES) {
      probe.check(`page ${entry.file}`, pageFiles.includes(entry.file), "listed but no such file");
    }
    expect(newFailures()).toEqual([]);
  });

  it("lists every exported server action", () => {
    const actionFiles = files.filter(
      (file) => /\.(ts|tsx)$/.test(file) && /^\s*["']use server["']/m.test(read(file)),
    );
    for (const file of actionFiles) {
      const source = read(file);
      const names = [...source.matchAll(/export (?:const|async function|function) (\w+)/g)].map(
        (match) => match[1]!,
      );
      for (const name of names) {
        probe.route(`action ${file}#${name}`);
        probe.check(
          `action ${file}#${name}`,
          SERVER_ACTIONS.some((action) => action.file === file && action.name === name),
          "missing from the route inventory",
        );
      }
    }
    for (const entry of SERVER_ACTIONS) {
      probe.check(
        `action ${entry.file}#${entry.name}`,
        actionFiles.includes(entry.file) &&
          new RegExp(`export (?:const|async function|function) ${entry.name}\\b`).test(
            read(entry.file),
          ),
        "listed but not exported",
      );
    }
    expect(newFailures()).toEqual([]);
  });

  it("declares every dynamic path segment: an id with its model, or not an id with a reason", () => {
    for (const entry of [...ROUTE_HANDLERS, ...PAGES]) {
      probe.route(`params ${entry.file}`);
      const problems = paramProblems(entry);
      probe.check(`${entry.type} ${entry.path}`, problems.length === 0, problems.join("; "));
    }
    expect(newFailures()).toEqual([]);
  });

  it("the path parameter check refuses a new [id] listed without ids (and a hidden one)", () => {
    const route = (extra: Partial<RouteHandlerEntry>): RouteHandlerEntry => ({
      type: "route",
      file: "api/x/[id]/route.ts",
      path: "/api/x/[id]",
      methods: { GET: { kind: "org", permission: "org:read" } },
      ...extra,
    });
    expect(paramProblems(route({}))).toEqual([
      expect.stringMatching(/^\[id\] not declared: add it to `ids`/),
    ]);
    expect(paramProblems(route({ path: "/api/x/detail" }))).toEqual([
      expect.stringMatching(/serves \/api\/x\/\[id\], the inventory says \/api\/x\/detail/),
      expect.stringMatching(/^\[id\] not declared/),
    ]);
    expect(paramProblems(route({ ids: { id: "Nonsense" } }))).toEqual([
      expect.stringMatching(/Nonsense is no organisation-owned model/),
    ]);
    expect(paramProblems(route({ notIds: { id: "token" } }))).toEqual([
      expect.stringMatching(/say why/),
    ]);
    expect(paramProblems(route({ ids: { id: "Team", other: "Team" } }))).toEqual([
      expect.stringMatching(/^\[other\] declared, but not in the path/),
    ]);
    expect(paramProblems(route({ ids: { id: "Team" } }))).toEqual([]);
    expect(pathParams("/api/files/[...key]")).toEqual([{ name: "key", catchAll: true }]);
    expect(pathParams("/docs/[[...slug]]")).toEqual([{ name: "slug", catchAll: true }]);
    expect(pathOfFile("(app)/studio/[id]/page.tsx")).toBe("/studio/[id]");
    expect(pathOfFile("page.tsx")).toBe("/");
  });

  it("finds what it checks (the walk sees the app)", () => {
    expect(files.filter((file) => file.endsWith("route.ts")).length).toBeGreaterThan(40);
    expect(ROUTE_HANDLERS.length + PAGES.length + SERVER_ACTIONS.length).toBeGreaterThan(80);
  });
});

/**
 * Hostile raw requests against the production server, for every route of the inventory (route
 * handlers, the tracked link, pages). A second instance of the app server (scripts/server.ts on
 * the e2e build, NODE_ENV=production) is started here with its output captured, so the suite can
 * also check that each refusal was logged. Requests go over a bare TCP socket (node:net): fetch
 * and browsers would normalise or refuse to send most of them.
 *
 * For each route: a malformed percent escape in each path segment (invalid UTF-8, truncated, a
 * lone %, an overlong encoding, an encoded NUL, an encoded surrogate); bad Host headers (missing,
 * repeated, not a host, a bad port); a header over Node's 16 KB limit; a method the route does not
 * serve and one no HTTP server knows; a broken body (a bad chunk size, a bad Content-Length). Every
 * answer must be a 4xx — never a 5xx, never a dropped connection — with the security headers, and
 * the server must still answer its health check afterwards. Pages also get a server action posted
 * from a foreign Origin (Next refused those with a 500: now a 403), and Auth.js's sign-out form a
 * `callbackUrl` body it cannot parse or that points elsewhere.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  PAGES,
  ROUTE_HANDLERS,
  type HttpMethod,
  type PageEntry,
  type RouteHandlerEntry,
} from "../support/route-inventory";
import { COMMON_SECURITY_HEADERS } from "../../lib/core/http/security-headers";
import { ProbeCounter } from "../support/hardening-report";
import { rawHead, rawRequest, type RawResponse } from "../support/raw-http";
import { readDemoIds, type DemoIds } from "./demo-ids";
import { E2E } from "./e2e-config";

const root = path.resolve(import.meta.dirname, "../..");
const port = E2E.appPort + 52;
const HOST = `127.0.0.1:${port}`;
/** The hosts the app may redirect to (Next and Auth.js may name it localhost). */
const OUR_HOSTS = [HOST, `localhost:${port}`];
const probe = new ProbeCounter();

/** Each test asserts only the probes it made. */
let mark = 0;
test.beforeEach(() => {
  mark = probe.failures.length;
});
const newFailures = () => probe.failures.slice(mark);

/** Escapes no path of the app can contain. */
const MALFORMED_ESCAPES = ["%C3%28", "%E2%82", "%", "%C0%AF", "%00", "%ED%A0%80"];
const BAD_HOSTS: (string[] | null)[] = [
  null, // no Host at all (HTTP/1.1 requires one)
  ["127.0.0.1", "evil.example"], // two
  ["[::1"],
  ["exa mple.com"],
  ["evil.example:99999"],
  ["a/b@c"],
];
const UNSERVED_METHODS: HttpMethod[] = ["PUT", "PATCH", "DELETE", "POST", "GET"];
/** A server action id of the right shape that the build does not have. */
const FAKE_ACTION_ID = "7f" + "0".repeat(40);

let child: ChildProcess | null = null;
let output = "";
let ids: DemoIds;
let tmp = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  ids = await readDemoIds();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-e2e-hostile-"));
  child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "server.ts")], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: fs.readFileSync(E2E.databaseUrlFile, "utf8").trim(),
      PORT: String(port),
      AUTH_SECRET: E2E.authSecret,
      TOKEN_ENCRYPTION_KEYS: E2E.tokenEncryptionKeys,
      JOBS_ENABLED: "false",
      SEED_DEMO: "false",
      CLICK_SPOOL_DIR: path.join(tmp, "spool"),
      UPLOADS_DIR: path.join(tmp, "uploads"),
    },
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output.slice(-2000)}`);
    if ((await health()) === 200) break;
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child?.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  probe.report("hostile raw requests");
});

async function send(request: string): Promise<RawResponse> {
  return rawRequest(port, request).catch((error: unknown) => ({
    status: 0,
    headers: {},
    body: String(error),
  }));
}

async function health(): Promise<number> {
  const res = await send(
    rawHead(["GET /api/health HTTP/1.1", `Host: ${HOST}`, "Connection: close"]),
  );
  return res.status;
}

/** A GET-style request head: the request line, a Host, then `extra` headers. */
function head(
  method: string,
  target: string,
  extra: string[] = [],
  host: string[] | null = [HOST],
) {
  return rawHead([
    `${method} ${target} HTTP/1.1`,
    ...(host ?? []).map((h) => `Host: ${h}`),
    "User-Agent: chorus-hostile-requests",
    ...extra,
    "Connection: close",
  ]);
}

/** The answer is a 4xx and carries the security headers (a CSP too when it is a page). */
function checkRefused(label: string, res: RawResponse, status?: number): void {
  probe.check(
    `${label}: ${status ?? "4xx"}`,
    status ? res.status === status : res.status >= 400 && res.status < 500,
    `answered ${res.status || "nothing (connection closed)"} ${res.body.slice(0, 120)}`,
  );
  checkHeaders(label, res);
}

function checkHeaders(label: string, res: RawResponse): void {
  const wrong = Object.entries(COMMON_SECURITY_HEADERS)
    .filter(([name, value]) => res.headers[name.toLowerCase()] !== value)
    .map(([name]) => `${name}: ${res.headers[name.toLowerCase()] ?? "missing"}`);
  if (res.headers["x-powered-by"]) wrong.push("X-Powered-By present");
  if (/text\/html/.test(res.headers["content-type"] ?? "")) {
    const csp = res.headers["content-security-policy"] ?? "";
    if (!/frame-ancestors 'none'/.test(csp)) wrong.push(`CSP: ${csp || "missing"}`);
  }
  probe.check(`${label}: security headers`, wrong.length === 0, wrong.join("; "));
}

const BAD_TOKEN = "not-a-valid-token-0123456789";

/** The inventory pattern with its parameters filled from the demo seed (or plausible values). */
function concretePath(pattern: string): string {
  const values: Record<string, string> = {
    org: ids.orgSlug,
    slug: ids.itemSlug,
    token: BAD_TOKEN,
    handle: ids.handle,
    code: ids.shareCode,
    nextauth: "session",
    path: "sw.js",
    key: "logos/missing.png",
    imageId: "img_missing0000000000",
    id: pattern.includes("/teams/")
      ? ids.teamId
      : pattern.includes("/campaigns/")
        ? ids.campaignId
        : ids.itemId,
  };
  return pattern.replace(/\[\[?(?:\.\.\.)?([^\]]+?)\]\]?/g, (_m, name: string) => values[name]!);
}

interface Target {
  id: string;
  path: string;
  entry: RouteHandlerEntry | PageEntry;
}

function targets(): Target[] {
  return [...ROUTE_HANDLERS, ...PAGES].map((entry) => ({
    id: `${entry.type === "page" ? "PAGE" : "ROUTE"} ${entry.path}`,
    path: concretePath(entry.path),
    entry,
  }));
}

/** One copy of `path` per segment and escape, that segment carrying the escape at its end. */
function malformedPaths(path: string): string[] {
  const segments = path.split("/").slice(1);
  return segments.flatMap((segment, i) =>
    MALFORMED_ESCAPES.map((escape) => {
      const copy = [...segments];
      copy[i] = `${segment}${escape}`;
      return `/${copy.join("/")}`;
    }),
  );
}

function logged(pattern: RegExp): number {
  return output.split("\n").filter((line) => pattern.test(line)).length;
}

const sent = { path: 0, host: 0, method: 0, parser: 0, origin: 0 };

test("malformed percent-encoding in every path segment of every route: 4xx with the headers", async () => {
  test.setTimeout(120_000);
  for (const target of targets()) {
    probe.route(target.id);
    for (const malformed of malformedPaths(target.path)) {
      checkRefused(`GET ${malformed}`, await send(head("GET", malformed)));
      sent.path += 1;
    }
    // A mutation with a malformed id is refused the same way (API routes with a dynamic segment).
    if (target.entry.type === "route") {
      const method = (Object.keys(target.entry.methods) as HttpMethod[]).find(
        (m) => m !== "GET" && m !== "OPTIONS",
      );
      if (method) {
        const malformed = malformedPaths(target.path).at(-6)!;
        const res = await send(
          head(method, malformed, ["Content-Type: application/json", "Content-Length: 2"]) + "{}",
        );
        checkRefused(`${method} ${malformed}`, res);
        sent.path += 1;
      }
    }
    probe.check(`${target.id}: healthy after malformed paths`, (await health()) === 200);
  }
  expect(newFailures()).toEqual([]);
});

test("bad Host, overlong header, wrong method, broken body on every route: 4xx with the headers", async () => {
  test.setTimeout(120_000);
  for (const target of targets()) {
    probe.route(target.id);
    const { path } = target;
    for (const hosts of BAD_HOSTS) {
      const label = `GET ${path} with Host ${JSON.stringify(hosts)}`;
      checkRefused(label, await send(head("GET", path, [], hosts)), 400);
      sent.host += 1;
    }
    checkRefused(
      `GET ${path} with a 20 KB header`,
      await send(head("GET", path, [`X-Padding: ${"a".repeat(20 * 1024)}`])),
      431,
    );
    sent.parser += 1;
    // A method the route does not serve (pages answer GET and server actions only).
    const served =
      target.entry.type === "route"
        ? (Object.keys(target.entry.methods) as HttpMethod[])
        : (["GET", "HEAD", "POST"] as HttpMethod[]);
    const unserved = UNSERVED_METHODS.find((m) => !served.includes(m))!;
    checkRefused(`${unserved} ${path}`, await send(head(unserved, path, ["Content-Length: 0"])));
    checkRefused(`TRACE ${path}`, await send(head("TRACE", path)), 405);
    // Route handlers (/api/, /scim/): Next answers the unserved method; only TRACE is ours to log.
    sent.method += path.startsWith("/api/") || path.startsWith("/scim/") ? 1 : 2;
    checkRefused(`FROB ${path}`, await send(head("FROB", path, ["Content-Length: 0"])), 400);
    sent.parser += 1;
    // Broken bodies: a chunk size that is not hexadecimal, a Content-Length that is not a number.
    const method = served.find((m) => m !== "GET" && m !== "HEAD" && m !== "OPTIONS") ?? "POST";
    checkRefused(
      `${method} ${path} with a broken chunked body`,
      await send(
        head(method, path, ["Content-Type: application/json", "Transfer-Encoding: chunked"]) +
          "zz\r\n{}\r\n0\r\n\r\n",
      ),
      400,
    );
    checkRefused(
      `${method} ${path} with Content-Length: 1x`,
      await send(
        head(method, path, ["Content-Type: application/json", "Content-Length: 1x"]) + "{}",
      ),
      400,
    );
    sent.parser += 2;
    probe.check(`${target.id}: healthy after bad headers and bodies`, (await health()) === 200);
  }
  expect(newFailures()).toEqual([]);
});

test("a server action posted to every page from a foreign Origin: 403 with the headers", async () => {
  test.setTimeout(60_000);
  const action = (path: string, origin: string | null) =>
    send(
      head("POST", path, [
        ...(origin === null ? [] : [`Origin: ${origin}`]),
        `Next-Action: ${FAKE_ACTION_ID}`,
        "Content-Type: text/plain;charset=UTF-8",
        "Content-Length: 2",
      ]) + "[]",
    );
  for (const target of targets().filter((t) => t.entry.type === "page")) {
    probe.route(target.id);
    for (const origin of ["https://evil.example", "http://[", "null"]) {
      checkRefused(
        `server action to ${target.path} from Origin ${origin}`,
        await action(target.path, origin),
        403,
      );
      sent.origin += 1;
    }
  }
  // Our own origin with an action the build does not have: Next's own answer, not a 5xx.
  const own = await action("/signin", `http://${HOST}`);
  probe.check(
    "unknown server action from our origin: below 500",
    own.status > 0 && own.status < 500,
    String(own.status),
  );
  probe.check("still healthy after the server actions", (await health()) === 200);
  expect(newFailures()).toEqual([]);
});

test("Auth.js's sign-out form body: a callbackUrl it cannot parse or that leads elsewhere stays on our origin", async () => {
  const csrf = await send(head("GET", "/api/auth/csrf"));
  const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const cookie = (csrf.headers["set-cookie"] ?? "")
    .split(/,\s*(?=[\w.-]+=)/)
    .map((c) => c.split(";")[0])
    .join("; ");
  for (const callbackUrl of [
    "foo",
    "http://[",
    "javascript:alert(1)",
    "https://evil.example/x",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
  ]) {
    for (const [type, body] of [
      ["form", new URLSearchParams({ csrfToken: token, callbackUrl }).toString()],
      ["json", JSON.stringify({ csrfToken: token, callbackUrl })],
    ] as const) {
      const res = await send(
        head("POST", "/api/auth/signout", [
          `Cookie: ${cookie}`,
          `Content-Type: application/${type === "form" ? "x-www-form-urlencoded" : "json"}`,
          `Content-Length: ${Buffer.byteLength(body)}`,
        ]) + body,
      );
      const location = res.headers["location"] ?? "";
      const target = location ? new URL(location, `http://${HOST}`) : null;
      probe.check(
        `sign-out with a ${type} body callbackUrl ${JSON.stringify(callbackUrl)}: a redirect on our origin, no error`,
        res.status === 302 &&
          target !== null &&
          OUR_HOSTS.includes(target.host) &&
          !target.pathname.startsWith("//") &&
          !target.search.includes("error="),
        `${res.status} ${location}`,
      );
      checkHeaders(`sign-out with ${JSON.stringify(callbackUrl)}`, res);
    }
  }
  expect(newFailures()).toEqual([]);
});

test("odd request targets: never another host, always the headers", async () => {
  // Next's own slash redirects (they answer before proxy.ts): to a path of ours, with the headers.
  for (const target of [
    "//evil.example/",
    "/\\evil.example",
    "/signin/",
    "http://evil.example/signin/",
  ]) {
    const res = await send(head("GET", target));
    const location = res.headers["location"] ?? "";
    probe.check(
      `GET ${target}: answered below 500, any redirect stays on our host`,
      res.status > 0 &&
        res.status < 500 &&
        (!location || OUR_HOSTS.includes(new URL(location, `http://${HOST}`).host)) &&
        !location.startsWith("//"),
      `${res.status} ${location}`,
    );
    checkHeaders(`GET ${target}`, res);
  }
  checkRefused("OPTIONS *", await send(head("OPTIONS", "*")), 400);
  checkRefused("CONNECT", await send(head("CONNECT", "127.0.0.1:22")), 405);
  // HTTP/1.0 without Host (old load-balancer health checks) still works.
  const old = await send(rawHead(["GET /api/health HTTP/1.0"]));
  probe.check("HTTP/1.0 health check without Host: 200", old.status === 200, String(old.status));
  checkHeaders("HTTP/1.0 health check", old);
  expect(newFailures()).toEqual([]);
});

test("every refusal was logged, and the server is still healthy", async () => {
  // The output arrives through a pipe: give the last lines a moment.
  await new Promise((r) => setTimeout(r, 500));
  const counts = {
    path: logged(/\[chorus\] refused \(400\) (a percent|a percent-encoded|an encoded control)/),
    host: logged(/\[chorus\] refused \(400\) (no Host|more than one Host|a Host header)/),
    method: logged(/\[chorus\] refused \(405\) a method no (page|route) serves/),
    parser: logged(/\[chorus\] refused \((400|431)\) a malformed request/),
    origin: logged(/\[chorus\] refused \(403\) a server action from another origin/),
  };
  for (const kind of Object.keys(sent) as (keyof typeof sent)[]) {
    probe.check(
      `${kind} refusals logged (${sent[kind]} sent)`,
      counts[kind] >= sent[kind] && sent[kind] > 0,
      `${counts[kind]} logged`,
    );
  }
  probe.check(
    "no 5xx-class error logged",
    !/request failed|⨯|Internal Server Error/.test(output),
    output.match(/.*(request failed|⨯|Internal Server Error).*/)?.[0],
  );
  probe.check("healthy at the end", (await health()) === 200);
  expect(newFailures()).toEqual([]);
});

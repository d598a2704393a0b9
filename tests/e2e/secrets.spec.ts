/**
 * No secret reaches the browser: every file of the client build (.next/static) and the HTML of
 * the main pages are scanned for the values of every secret the e2e app runs with (written by
 * tests/e2e/servers/app.ts: AUTH_SECRET, the TOKEN_ENCRYPTION_KEYS key material, the database
 * URL's password, the OIDC and LinkedIn client secrets, SMTP and S3 credentials when set), and the
 * client bundles for the names of the server-only secret variables (a sign that server code, or
 * `process.env.X`, was bundled for the browser). The scan must have read a real build.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ProbeCounter } from "../support/hardening-report";
import { E2E } from "./e2e-config";
import { signInAs } from "./helpers";

const probe = new ProbeCounter();
const staticDir = path.resolve(import.meta.dirname, "../../.next/static");

/** Server-only variables whose very name must not appear in browser code. */
const SECRET_VARIABLES = [
  "AUTH_SECRET",
  "DATABASE_URL",
  "OIDC_CLIENT_SECRET",
  "LINKEDIN_CLIENT_SECRET",
  "TOKEN_ENCRYPTION_KEYS",
  "SMTP_URL",
  "S3_SECRET_ACCESS_KEY",
  "S3_ACCESS_KEY_ID",
];

interface Needle {
  what: string;
  value: string;
}

/** The values to look for: each secret, and the parts that leak on their own. */
function needles(): Needle[] {
  const secrets = JSON.parse(fs.readFileSync(E2E.appSecretsFile, "utf8")) as Record<string, string>;
  const list: Needle[] = [];
  for (const [name, value] of Object.entries(secrets)) {
    list.push({ what: name, value });
    if (name === "TOKEN_ENCRYPTION_KEYS") {
      for (const entry of value.split(",")) {
        const key = entry.split(":")[1];
        if (key) {
          list.push({ what: `${name} key material`, value: key });
          list.push({
            what: `${name} key (hex)`,
            value: Buffer.from(key, "base64").toString("hex"),
          });
        }
      }
    }
    if (/^[a-z]+:\/\//.test(value)) {
      const url = new URL(value);
      if (url.password) {
        list.push({ what: `${name} password`, value: decodeURIComponent(url.password) });
      }
    }
  }
  return list.filter((n) => n.value.length >= 8);
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

test.afterAll(() => {
  probe.report("secrets in bundles");
});

test("no secret value or secret variable name in the client bundles", () => {
  const list = needles();
  probe.check(
    "the app's secrets are known (AUTH_SECRET, client secrets, key material)",
    [
      "AUTH_SECRET",
      "OIDC_CLIENT_SECRET",
      "LINKEDIN_CLIENT_SECRET",
      "TOKEN_ENCRYPTION_KEYS key material",
    ].every((what) => list.some((n) => n.what === what)),
    list.map((n) => n.what).join(", "),
  );
  const files = walk(staticDir);
  let bytes = 0;
  for (const file of files) {
    const content = fs.readFileSync(file);
    bytes += content.length;
    const text = content.toString("latin1");
    const rel = path.relative(staticDir, file);
    for (const needle of list) {
      probe.check(`${rel}: no ${needle.what}`, !text.includes(needle.value));
    }
    if (/\.(js|mjs|json|map)$/.test(file)) {
      const names = SECRET_VARIABLES.filter((name) => text.includes(name));
      probe.check(`${rel}: no server-only variable names`, names.length === 0, names.join(", "));
    }
  }
  probe.check(`scanned a real build (${files.length} files)`, files.length >= 20);
  probe.check(`scanned a real build (${Math.round(bytes / 1024)} KB)`, bytes >= 300 * 1024);
  expect(probe.failures).toEqual([]);
});

test("no secret value in the HTML of the main pages", async ({ page }) => {
  const list = needles();
  const pages = ["/signin", "/signup"];
  const scan = async (url: string) => {
    const res = await page.request.get(url);
    const html = await res.text();
    probe.check(`${url}: fetched HTML`, html.length > 500, String(res.status()));
    for (const needle of list) {
      probe.check(`${url}: no ${needle.what}`, !html.includes(needle.value));
    }
  };
  for (const url of pages) await scan(url);
  await signInAs(page, "admin@fernhill.example");
  for (const url of [
    "/admin",
    "/admin/settings",
    "/admin/integrations",
    "/admin/emails",
    "/admin/members",
    "/dashboard",
    "/feed",
    "/studio",
    "/profile",
    "/activity",
  ]) {
    await scan(url);
  }
  expect(probe.failures).toEqual([]);
});

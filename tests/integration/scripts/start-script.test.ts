import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

describe("npm start with a malformed environment", () => {
  it("exits with one clear line per problem and starts nothing", () => {
    const result = spawnSync(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"],
      {
        cwd: root,
        encoding: "utf8",
        timeout: 60_000,
        env: {
          NODE_ENV: "development",
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          PORT: "eighty",
          DATABASE_URL: "mysql://root@localhost/chorus",
          AUTH_SECRET: "too-short",
          OIDC_ISSUER: "https://idp.example.com",
        },
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Invalid configuration:");
    expect(result.stderr).toMatch(/PORT: /);
    expect(result.stderr).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
    expect(result.stderr).toMatch(/AUTH_SECRET: must be at least 32 characters/);
    expect(result.stderr).toMatch(
      /OIDC SSO needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/,
    );
    expect(result.stdout).not.toContain("embedded PostgreSQL");
  });
});

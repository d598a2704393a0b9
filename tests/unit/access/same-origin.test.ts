import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "@/lib/domains/access/same-origin";
import { AppError } from "@/lib/core/errors/app-error";

describe("same-origin check for cookie-authenticated writes", () => {
  const req = (method: string, headers: Record<string, string>) =>
    new Request("http://app.local/api/teams", {
      method,
      headers: { host: "app.local", ...headers },
    });

  it("allows same-origin writes, reads, and clients without Origin", () => {
    expect(() => assertSameOrigin(req("POST", { origin: "http://app.local" }))).not.toThrow();
    expect(() => assertSameOrigin(req("GET", { origin: "https://evil.com" }))).not.toThrow();
    expect(() => assertSameOrigin(req("DELETE", {}))).not.toThrow();
  });

  it("refuses cross-site writes", () => {
    expect(() => assertSameOrigin(req("POST", { origin: "https://evil.com" }))).toThrow(AppError);
    expect(() => assertSameOrigin(req("PATCH", { "sec-fetch-site": "cross-site" }))).toThrow(
      AppError,
    );
    expect(() => assertSameOrigin(req("POST", { origin: "null" }))).toThrow(AppError);
  });
});

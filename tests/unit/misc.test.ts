import { describe, expect, it } from "vitest";
import { createId, randomString } from "@/lib/core/db/create-id";
import { hashPassword, verifyPassword } from "@/lib/domains/auth/password";
import { safeCallbackUrl } from "@/lib/core/http/safe-callback-url";
import { slugify } from "@/lib/core/ids/slugify";
import { assertSameOrigin } from "@/lib/domains/access/same-origin";
import { AppError } from "@/lib/core/errors/app-error";
import { isTimeZone } from "@/lib/core/validation";

describe("ids", () => {
  it("carry a readable prefix and 20 random base62 characters", () => {
    expect(createId("org")).toMatch(/^org_[0-9A-Za-z]{20}$/);
    const many = new Set(Array.from({ length: 2000 }, () => randomString(12)));
    expect(many.size).toBe(2000);
  });
});

describe("passwords", () => {
  it("hash with scrypt and a salt, and verify only the right password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await hashPassword("correct horse battery")).not.toBe(hash);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
  });
});

describe("safeCallbackUrl", () => {
  it("keeps same-site paths and refuses everything else", () => {
    expect(safeCallbackUrl("/feed?x=1#top")).toBe("/feed?x=1#top");
    expect(safeCallbackUrl("/invite/abc")).toBe("/invite/abc");
    for (const bad of [
      "https://evil.com",
      "//evil.com",
      "/\\evil.com",
      "/\t/evil.com",
      "/\n/evil.com",
      "javascript:alert(1)",
      "",
      null,
    ]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });
});

describe("slugify", () => {
  it("makes URL-safe slugs from any name", () => {
    expect(slugify("Fernhill Energy")).toBe("fernhill-energy");
    expect(slugify("Ærø & Café Ü")).toBe("aero-cafe-u");
    expect(slugify("Elif Yılmaz")).toBe("elif-yilmaz");
    expect(slugify("Katarzyna Wiśniewska")).toBe("katarzyna-wisniewska");
    expect(slugify("!!!")).toBe("org");
  });
});

describe("time zones", () => {
  it("accepts IANA names and refuses others", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});

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

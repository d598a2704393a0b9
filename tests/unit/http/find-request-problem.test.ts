import { describe, expect, it } from "vitest";
import { findRequestProblem } from "@/lib/core/http/find-request-problem";
import { originFormTarget } from "@/lib/core/http/origin-form-target";

interface Options {
  method?: string;
  hosts?: string[] | undefined;
  httpVersion?: string;
}
/** A request with a good Host unless `hosts` is given (undefined included: no Host at all). */
const check = (url: string, options: Options = {}) =>
  findRequestProblem({
    method: options.method ?? "GET",
    url,
    hosts: "hosts" in options ? options.hosts : ["localhost:3000"],
    httpVersion: options.httpVersion ?? "1.1",
  });
const reason = (url: string, options?: Options) => check(url, options)?.reason ?? null;

describe("findRequestProblem", () => {
  it("lets ordinary requests through", () => {
    for (const url of [
      "/",
      "/feed",
      "/studio/itm_3kTz9QmV2xLp7NcR4wYb?tab=review",
      "/p/fernhill/caf%C3%A9-opening",
      "/api/files/logos/a%20b.png",
      "/api/files/a%2Fb",
      "/abcdefghij?x=%C3%28", // the query is not routed: left to the route
      "http://localhost:3000/feed",
    ]) {
      expect(check(url), url).toBeNull();
    }
    for (const host of ["localhost", "127.0.0.1:3000", "[::1]:3000", "chorus_app:3000", "a.b.c"]) {
      expect(check("/", { hosts: [host] }), host).toBeNull();
    }
    expect(check("/", { hosts: undefined, httpVersion: "1.0" })).toBeNull();
    expect(check("/signin", { method: "POST" })).toBeNull();
    expect(check("/api/teams/x", { method: "DELETE" })).toBeNull();
    expect(check("/api/v1/conversions", { method: "OPTIONS" })).toBeNull();
  });

  it("refuses malformed percent-encoding in any path segment with a 400", () => {
    for (const url of [
      "/%C3%28", // invalid UTF-8
      "/%E2%82", // truncated
      "/%",
      "/feed%",
      "/%zz",
      "/%C0%AF", // overlong "/"
      "/%ED%A0%80", // an encoded surrogate
      "/studio/%E2%82/x",
      "/api/content/itm_1%C3%28/transitions",
      "/api/files/logos/%FF.png",
      "http://localhost:3000/%C3%28",
    ]) {
      expect(check(url), url).toMatchObject({
        status: 400,
        reason: expect.stringMatching(/percent|UTF-8/),
      });
    }
  });

  it("refuses encoded control characters, and targets that are not paths", () => {
    expect(reason("/%00")).toMatch(/control/);
    expect(reason("/api/teams/a%00b")).toMatch(/control/);
    expect(reason("/a%0Ab")).toMatch(/control/);
    expect(reason("*", { method: "OPTIONS" })).toMatch(/neither/);
    expect(reason("ftp://x/")).toMatch(/neither/);
  });

  it("refuses a missing, repeated or malformed Host", () => {
    expect(reason("/", { hosts: undefined })).toMatch(/no Host/);
    expect(reason("/", { hosts: [] })).toMatch(/no Host/);
    expect(reason("/", { hosts: ["a", "b"] })).toMatch(/more than one/);
    for (const host of ["", "[::1", "exa mple.com", "a/b", "evil.example:", "x@y", "a:99999"]) {
      expect(check("/", { hosts: [host] }), host).toMatchObject({ status: 400 });
    }
  });

  it("answers 405 to methods no page or route serves (TRACE was a 500, DELETE /feed a 200)", () => {
    expect(check("/feed", { method: "DELETE" })).toEqual({
      status: 405,
      reason: "a method no page serves",
      allow: "GET, HEAD, POST",
    });
    for (const method of ["PUT", "PATCH", "OPTIONS", "TRACE", "PROPFIND"]) {
      expect(check("/signin", { method }), method).toMatchObject({ status: 405 });
    }
    expect(check("/api/health", { method: "TRACE" })).toMatchObject({
      status: 405,
      allow: "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE",
    });
  });

  it("lets SCIM clients PUT, PATCH and DELETE (Okta deactivates with a PATCH)", () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      expect(check("/scim/v2/Users/mem_1", { method }), method).toBeNull();
      expect(check("/scim/v2/Groups/team_1", { method }), method).toBeNull();
    }
    expect(check("/scim/v2/Users", { method: "TRACE" })).toMatchObject({ status: 405 });
  });
});

describe("originFormTarget", () => {
  it("keeps the path and query of an absolute-form target, and refuses what is not one", () => {
    expect(originFormTarget("/feed?x=1")).toBe("/feed?x=1");
    expect(originFormTarget("http://evil.example/signin?x=1")).toBe("/signin?x=1");
    expect(originFormTarget("HTTPS://evil.example")).toBe("/");
    expect(originFormTarget("http://evil.example?x=1")).toBe("/?x=1");
    expect(originFormTarget("*")).toBeNull();
    expect(originFormTarget("ftp://x/")).toBeNull();
  });
});

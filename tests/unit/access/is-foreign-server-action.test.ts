import { describe, expect, it } from "vitest";
import { isForeignServerAction } from "@/lib/domains/access/is-foreign-server-action";

const action = (headers: Record<string, string>, path = "/signup", method = "POST") =>
  isForeignServerAction(
    method,
    path,
    new Headers({ host: "app.local", "next-action": "7f3a", ...headers }),
  );

describe("isForeignServerAction (what Next.js refuses with a 500)", () => {
  it("refuses an action whose Origin is another host, or not an origin at all", () => {
    expect(action({ origin: "https://evil.example" })).toBe(true);
    expect(action({ origin: "null" })).toBe(true);
    expect(action({ origin: "http://[" })).toBe(true);
    expect(action({ origin: "http://app.local:8080" })).toBe(true);
    // A form posted without JavaScript (multipart, no Next-Action header) is an action too.
    const form = new Headers({
      host: "app.local",
      origin: "https://evil.example",
      "content-type": "multipart/form-data; boundary=x",
    });
    expect(isForeignServerAction("POST", "/signin", form)).toBe(true);
  });

  it("lets through what Next accepts: same host, forwarded host, no Origin", () => {
    expect(action({ origin: "http://app.local" })).toBe(false);
    expect(action({ origin: "https://public.example", "x-forwarded-host": "public.example" })).toBe(
      false,
    );
    expect(action({})).toBe(false);
  });

  it("leaves route handlers and other requests alone", () => {
    expect(action({ origin: "https://evil.example" }, "/api/v1/conversions")).toBe(false);
    expect(action({ origin: "https://evil.example" }, "/signup", "GET")).toBe(false);
    const plain = new Headers({ host: "app.local", origin: "https://evil.example" });
    expect(isForeignServerAction("POST", "/signup", plain)).toBe(false);
  });
});

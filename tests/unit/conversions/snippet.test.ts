import { createContext, runInContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { SNIPPET_SOURCE } from "@/lib/domains/conversions/snippet";

interface FetchCall {
  url: string;
  init: {
    method: string;
    keepalive: boolean;
    headers: Record<string, string>;
    body: string;
    credentials: string;
  };
}

/** Runs the real snippet against a minimal fake page: location, cookie jar, script tag, forms. */
function page({
  href,
  attrs = {},
  cookie = "",
}: {
  href: string;
  attrs?: Record<string, string>;
  cookie?: string;
}) {
  const url = new URL(href);
  const cookieWrites: string[] = [];
  const jar = new Map<string, string>();
  for (const part of cookie.split(/;\s*/).filter(Boolean)) {
    const [k, v] = part.split("=");
    jar.set(k!, v!);
  }
  const listeners: ((event: { target: unknown }) => void)[] = [];
  const calls: FetchCall[] = [];
  const script = {
    src: "https://chorus.example.com/chorus.js",
    getAttribute: (name: string) => attrs[name] ?? null,
  };
  const document = {
    currentScript: script,
    get cookie() {
      return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    },
    set cookie(value: string) {
      cookieWrites.push(value);
      const [pair] = value.split(";");
      const [k, v] = pair!.split("=");
      jar.set(k!, v!);
    },
    addEventListener: (type: string, fn: (event: { target: unknown }) => void) => {
      if (type === "submit") listeners.push(fn);
    },
  };
  const window: Record<string, unknown> = {
    location: { search: url.search, protocol: url.protocol },
    fetch: (u: string, init: FetchCall["init"]) => {
      calls.push({ url: u, init });
      return Promise.resolve({});
    },
  };
  const context = createContext({
    window,
    document,
    JSON,
    String,
    parseInt,
    encodeURIComponent,
    decodeURIComponent,
  });
  runInContext(SNIPPET_SOURCE, context);
  const submit = (formAttrs: Record<string, string>) => {
    const form = { getAttribute: (name: string) => formAttrs[name] ?? null };
    for (const fn of listeners) fn({ target: form });
  };
  return { cookieWrites, calls, submit, window };
}

const KEY = "chorus_pk_0123456789abcdefghijABCDEFGHIJ01";

describe("browser snippet", () => {
  it("keeps the click id from the landing URL in a first-party cookie (Lax, Secure on https, window lifetime)", () => {
    const p = page({
      href: "https://shop.example/landing?aid=clk_abc123&utm_source=x",
      attrs: { "data-key": KEY },
    });
    expect(p.cookieWrites).toEqual([
      "chorus_aid=clk_abc123; Max-Age=2592000; Path=/; SameSite=Lax; Secure",
    ]);
  });

  it("uses the configured parameter name and lifetime, and no Secure flag on http", () => {
    const p = page({
      href: "http://localhost:8080/?ref=clk_Z9&aid=ignored",
      attrs: { "data-key": KEY, "data-param": "ref", "data-days": "7" },
    });
    expect(p.cookieWrites).toEqual(["chorus_aid=clk_Z9; Max-Age=604800; Path=/; SameSite=Lax"]);
  });

  it("does not store a malformed click id (no cookie injection)", () => {
    const p = page({
      href: "https://shop.example/?aid=x%3B%20domain%3Devil.example",
      attrs: { "data-key": KEY },
    });
    expect(p.cookieWrites).toEqual([]);
  });

  it("posts the conversion on submit of a marked form, as a keepalive simple request with the publishable key", () => {
    const p = page({
      href: "https://shop.example/signup?aid=clk_abc123",
      attrs: { "data-key": KEY },
    });
    p.submit({ "data-chorus-outcome": "signup" });
    expect(p.calls).toHaveLength(1);
    const [call] = p.calls;
    expect(call!.url).toBe(`https://chorus.example.com/api/v1/conversions?key=${KEY}`);
    expect(call!.init.method).toBe("POST");
    expect(call!.init.keepalive).toBe(true);
    expect(call!.init.credentials).toBe("omit");
    expect(call!.init.headers["Content-Type"]).toMatch(/^text\/plain/);
    expect(JSON.parse(call!.init.body)).toEqual({
      clickId: "clk_abc123",
      outcome: "signup",
      idempotencyKey: "clk_abc123:signup",
    });
    // Submitting again on the same page does not post twice.
    p.submit({ "data-chorus-outcome": "signup" });
    expect(p.calls).toHaveLength(1);
  });

  it("reads the click id from the cookie on a later page, and ignores unmarked forms and unknown outcomes", () => {
    const p = page({
      href: "https://shop.example/contact",
      attrs: { "data-key": KEY },
      cookie: "x=1; chorus_aid=clk_later",
    });
    p.submit({});
    p.submit({ "data-chorus-outcome": "purchase" });
    expect(p.calls).toHaveLength(0);
    p.submit({ "data-chorus-outcome": "LEAD" });
    expect(JSON.parse(p.calls[0]!.init.body)).toMatchObject({
      clickId: "clk_later",
      outcome: "lead",
    });
  });

  it("posts nothing without a click id or without a key", () => {
    const none = page({ href: "https://shop.example/", attrs: { "data-key": KEY } });
    none.submit({ "data-chorus-outcome": "signup" });
    expect(none.calls).toHaveLength(0);
    const keyless = page({ href: "https://shop.example/?aid=clk_1" });
    keyless.submit({ "data-chorus-outcome": "signup" });
    expect(keyless.calls).toHaveLength(0);
  });

  it("is small and never evaluates strings", () => {
    expect(SNIPPET_SOURCE.length).toBeLessThan(4096);
    expect(SNIPPET_SOURCE).not.toMatch(/\beval\(|new Function|setTimeout\("/);
  });
});

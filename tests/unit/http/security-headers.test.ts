import { describe, expect, it } from "vitest";
import {
  COMMON_SECURITY_HEADERS,
  contentSecurityPolicy,
  formActionOrigins,
  generateNonce,
  HSTS_VALUE,
  keepsOwnPolicy,
  originOf,
  securityHeaders,
  servedOverHttps,
} from "@/lib/core/http/security-headers";

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values.join(" ")];
    }),
  );
}

describe("generateNonce", () => {
  it("is 16 random bytes in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, generateNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce (strict-dynamic) and forbids framing, plugins, base", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123==" }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("connect-src")).toBe("'self'");
    expect(csp.get("style-src")).toBe("'self' 'unsafe-inline'");
  });

  it("never allows unsafe-eval or unsafe-inline scripts in production", () => {
    const csp = contentSecurityPolicy({ nonce: "n" });
    expect(csp).not.toContain("unsafe-eval");
    expect(directives(csp).get("script-src")).not.toContain("unsafe-inline");
  });

  it("adds unsafe-eval and websockets for next dev only", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "n", dev: true }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("connect-src")).toBe("'self' ws: wss:");
  });

  it("lets forms reach the identity providers (deduplicated)", () => {
    const csp = directives(
      contentSecurityPolicy({
        nonce: "n",
        formActionOrigins: [
          "https://idp.example",
          "https://www.linkedin.com",
          "https://idp.example",
        ],
      }),
    );
    expect(csp.get("form-action")).toBe("'self' https://idp.example https://www.linkedin.com");
  });
});

describe("originOf", () => {
  it("keeps scheme, host and port of http(s) URLs only", () => {
    expect(originOf("https://www.linkedin.com/oauth")).toBe("https://www.linkedin.com");
    expect(originOf("http://127.0.0.1:3199/path?q=1")).toBe("http://127.0.0.1:3199");
    expect(originOf("javascript:alert(1)")).toBeNull();
    expect(originOf("not a url")).toBeNull();
    expect(originOf(undefined)).toBeNull();
  });
});

describe("formActionOrigins", () => {
  it("is empty without SSO or LinkedIn", () => {
    expect(formActionOrigins({})).toEqual([]);
  });

  it("lets the SSO form reach the identity provider", () => {
    expect(formActionOrigins({ OIDC_ISSUER: "https://idp.example/realms/acme" })).toEqual([
      "https://idp.example",
    ]);
  });

  it("lets Connect LinkedIn (a GET form redirected to the consent page) reach LinkedIn's OAuth host", () => {
    // The e2e run's fake LinkedIn lives on another port than its OIDC issuer: both are needed.
    expect(
      formActionOrigins({
        LINKEDIN_CLIENT_ID: "id",
        LINKEDIN_OIDC_ISSUER: "http://127.0.0.1:3199",
        LINKEDIN_AUTH_URL: "http://127.0.0.1:3198/oauth/v2",
      }),
    ).toEqual(["http://127.0.0.1:3199", "http://127.0.0.1:3198"]);
    expect(
      formActionOrigins({
        LINKEDIN_CLIENT_ID: "id",
        LINKEDIN_OIDC_ISSUER: "https://www.linkedin.com/oauth",
        LINKEDIN_AUTH_URL: "https://www.linkedin.com/oauth/v2",
      }),
    ).toEqual(["https://www.linkedin.com"]);
  });

  it("ignores LinkedIn URLs when LinkedIn is not configured", () => {
    expect(
      formActionOrigins({
        LINKEDIN_OIDC_ISSUER: "https://www.linkedin.com/oauth",
        LINKEDIN_AUTH_URL: "https://www.linkedin.com/oauth/v2",
      }),
    ).toEqual([]);
  });
});

describe("servedOverHttps", () => {
  it("is true when APP_URL is https, whatever the headers say", () => {
    expect(servedOverHttps({ appUrl: "https://advocacy.example", trustProxy: false })).toBe(true);
    expect(
      servedOverHttps({ appUrl: "HTTPS://a.example", trustProxy: false, forwardedProto: "http" }),
    ).toBe(true);
  });

  it("believes X-Forwarded-Proto only with TRUST_PROXY", () => {
    expect(
      servedOverHttps({
        appUrl: "http://localhost:3000",
        trustProxy: false,
        forwardedProto: "https",
      }),
    ).toBe(false);
    expect(
      servedOverHttps({
        appUrl: "http://localhost:3000",
        trustProxy: true,
        forwardedProto: "https",
      }),
    ).toBe(true);
    expect(servedOverHttps({ trustProxy: true, forwardedProto: " HTTPS , http" })).toBe(true);
    expect(servedOverHttps({ trustProxy: true, forwardedProto: "http, https" })).toBe(false);
    expect(servedOverHttps({ trustProxy: true, forwardedProto: null })).toBe(false);
    expect(servedOverHttps({ trustProxy: true })).toBe(false);
  });
});

describe("securityHeaders", () => {
  it("always sends the common headers", () => {
    const headers = securityHeaders({ https: false });
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
    });
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers["Permissions-Policy"]).toContain("microphone=()");
    expect(headers["Permissions-Policy"]).toContain("geolocation=()");
  });

  it("sends HSTS over https only", () => {
    expect(securityHeaders({ https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toBe(HSTS_VALUE);
    expect(HSTS_VALUE).toBe("max-age=63072000; includeSubDomains");
  });

  it("adds the CSP only for pages", () => {
    expect(securityHeaders({ https: false })["Content-Security-Policy"]).toBeUndefined();
    const page = securityHeaders({ https: false, csp: { nonce: "xyz" } });
    expect(page["Content-Security-Policy"]).toContain("'nonce-xyz'");
  });

  it("does not let callers change the shared defaults", () => {
    const headers = securityHeaders({ https: true });
    headers["X-Frame-Options"] = "SAMEORIGIN";
    expect(COMMON_SECURITY_HEADERS["X-Frame-Options"]).toBe("DENY");
  });
});

describe("keepsOwnPolicy", () => {
  it("is true for route handlers and the snippet, false for pages", () => {
    expect(keepsOwnPolicy("/api/files/abc")).toBe(true);
    expect(keepsOwnPolicy("/api/health")).toBe(true);
    expect(keepsOwnPolicy("/chorus.js")).toBe(true);
    expect(keepsOwnPolicy("/feed")).toBe(false);
    expect(keepsOwnPolicy("/apiary")).toBe(false);
    expect(keepsOwnPolicy("/")).toBe(false);
  });
});

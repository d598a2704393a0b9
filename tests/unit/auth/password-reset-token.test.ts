import { describe, expect, it } from "vitest";
import {
  hashPasswordResetToken,
  isPasswordResetTokenShape,
  newPasswordResetToken,
  passwordResetUrl,
} from "@/lib/domains/auth/password-reset/reset-token";
import { linkState } from "@/lib/domains/auth/password-reset/password-reset-link-state";
import {
  passwordChangedEmail,
  passwordResetEmail,
} from "@/lib/integrations/email/templates/password-reset";
import { isEmailCategory, isOptionalCategory } from "@/lib/domains/email/categories";

describe("password reset tokens", () => {
  it("are 256 random bits, different every time, and stored as their SHA-256 only", () => {
    const tokens = Array.from({ length: 50 }, () => newPasswordResetToken());
    expect(new Set(tokens.map((t) => t.token)).size).toBe(50);
    for (const { token, tokenHash } of tokens) {
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(isPasswordResetTokenShape(token)).toBe(true);
      expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(tokenHash).toBe(hashPasswordResetToken(token));
      expect(tokenHash).not.toContain(token);
    }
  });

  it("refuses shapes we never make, before any database look-up", () => {
    for (const bad of ["", "short", "A".repeat(42), "A".repeat(44), `${"A".repeat(42)}/`, "../x"]) {
      expect(isPasswordResetTokenShape(bad)).toBe(false);
    }
  });

  it("builds the link on the configured base URL", () => {
    expect(passwordResetUrl("https://advocacy.example.com", "abc")).toBe(
      "https://advocacy.example.com/reset-password/abc",
    );
  });

  it("tells valid, used, expired and unknown links apart (no password = unknown)", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    const later = new Date(now.getTime() + 60_000);
    const earlier = new Date(now.getTime() - 60_000);
    const user = { passwordHash: "scrypt$..." };
    expect(linkState({ expiresAt: later, usedAt: null, user }, now)).toBe("valid");
    expect(linkState({ expiresAt: later, usedAt: earlier, user }, now)).toBe("used");
    expect(linkState({ expiresAt: earlier, usedAt: null, user }, now)).toBe("expired");
    expect(linkState({ expiresAt: now, usedAt: null, user }, now)).toBe("expired");
    expect(linkState(null, now)).toBe("unknown");
    expect(linkState({ expiresAt: later, usedAt: null, user: { passwordHash: null } }, now)).toBe(
      "unknown",
    );
  });
});

describe("password reset emails", () => {
  it("escape the name in HTML, carry the link in both parts and have no unsubscribe", () => {
    const url = "https://chorus.example/reset-password/tok_123";
    const email = passwordResetEmail({ name: "<b>Eve</b> & co", url, validMinutes: 60 });
    expect(email.subject).toBe("Reset your Chorus password");
    expect(email.html).toContain("&lt;b&gt;Eve&lt;/b&gt; &amp; co");
    expect(email.html).not.toContain("<b>Eve</b>");
    expect(email.text).toContain(url);
    expect(email.html).toContain(url);
    expect(email.text).toContain("60 minutes");
    expect(`${email.text}${email.html}`).not.toMatch(/unsubscribe/i);

    const changed = passwordChangedEmail({
      name: "Eve",
      changedAt: new Date("2026-01-01T12:00:00Z"),
      dates: { locale: "de", timeZone: "Asia/Tokyo" },
      forgotPasswordUrl: "https://chorus.example/forgot-password",
    });
    expect(changed.subject).toBe("Your Chorus password was changed");
    expect(changed.text).toContain("https://chorus.example/forgot-password");
    // The person's clock and language (Tokyo is UTC+9), not the server's UTC.
    expect(changed.text.replace(/\s+/g, " ")).toContain(
      "changed on 01.01.2026, 21:00 (Asia/Tokyo time)",
    );
  });

  it('are sent as the transactional category "account" (opt-outs never suppress them)', () => {
    expect(isEmailCategory("account")).toBe(true);
    expect(isOptionalCategory("account")).toBe(false);
  });
});

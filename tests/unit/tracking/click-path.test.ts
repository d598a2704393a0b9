import { describe, expect, it } from "vitest";
import { classifyUserAgent, referrerHost } from "@/lib/domains/tracking/classify-user-agent";
import {
  destinationTemplate,
  locationFor,
  withClickId,
} from "@/lib/domains/tracking/click-destination";
import { SlidingWindowLimiter } from "@/lib/domains/tracking/rate-limiter";
import {
  computeVisitorKey,
  newSalt,
  utcDay,
  VISITOR_KEY_LENGTH,
} from "@/lib/domains/tracking/visitor-key";
import { isRetryableWriteError } from "@/lib/domains/tracking/click-writer";
import { newClickId } from "@/lib/domains/tracking/click-id";

describe("visitor key", () => {
  const ua =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";
  const ip = "203.0.113.77";
  const salts = new Map<string, string>();
  const saltOf = (at: string) => {
    const day = utcDay(new Date(at));
    if (!salts.has(day)) salts.set(day, newSalt());
    return salts.get(day)!;
  };
  const keyAt = (at: string, addr = ip, agent = ua) => computeVisitorKey(saltOf(at), addr, agent);

  it("is stable for one visitor within a UTC day", () => {
    expect(keyAt("2026-11-25T00:00:01Z")).toBe(keyAt("2026-11-25T23:59:59Z"));
  });

  it("rotates with the day: the same visitor gets another key tomorrow", () => {
    expect(keyAt("2026-11-25T23:59:59Z")).not.toBe(keyAt("2026-11-26T00:00:00Z"));
    expect(utcDay(new Date("2026-11-25T23:59:59.999Z"))).toBe("2026-11-25");
    expect(utcDay(new Date("2026-11-26T00:00:00Z"))).toBe("2026-11-26");
  });

  it("tells visitors apart by address and by user agent", () => {
    const at = "2026-11-25T12:00:00Z";
    expect(keyAt(at, "203.0.113.78")).not.toBe(keyAt(at));
    expect(keyAt(at, ip, `${ua} Edg/131.0`)).not.toBe(keyAt(at));
  });

  it("holds no trace of the raw address and has a fixed length", () => {
    const key = keyAt("2026-11-25T12:00:00Z");
    expect(key).toHaveLength(VISITOR_KEY_LENGTH);
    expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(key).not.toContain("203");
    expect(key).not.toContain(Buffer.from(ip).toString("base64url").slice(0, 6));
    // Without the salt, the key cannot be redone from the address.
    expect(computeVisitorKey(newSalt(), ip, ua)).not.toBe(key);
  });

  it("uses 32 random bytes per salt", () => {
    const salt = newSalt();
    expect(Buffer.from(salt, "base64url")).toHaveLength(32);
    expect(newSalt()).not.toBe(salt);
  });
});

describe("user agent classification", () => {
  const cases: Array<[string, boolean, string, string]> = [
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      false,
      "desktop",
      "Chrome",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      false,
      "desktop",
      "Edge",
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
      false,
      "desktop",
      "Safari",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
      false,
      "mobile",
      "Safari",
    ],
    [
      "Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1",
      false,
      "tablet",
      "Chrome",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
      false,
      "mobile",
      "Samsung",
    ],
    [
      "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      false,
      "tablet",
      "Chrome",
    ],
    [
      "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
      false,
      "desktop",
      "Firefox",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/114.0.0.0",
      false,
      "desktop",
      "Opera",
    ],
    [
      "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
      true,
      "bot",
      "Other",
    ],
    [
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      true,
      "bot",
      "Other",
    ],
    ["curl/8.5.0", true, "bot", "Other"],
    ["", true, "bot", "Other"],
    [
      "Mozilla/5.0 (PlayStation; PlayStation 5/2.26) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.0 Safari/605.1.15",
      false,
      "unknown",
      "Safari",
    ],
  ];
  it.each(cases)("%s", (ua, isBot, device, browser) => {
    expect(classifyUserAgent(ua)).toEqual({ isBot, device, browser });
  });

  it("treats a missing user agent as a bot", () => {
    expect(classifyUserAgent(undefined).isBot).toBe(true);
    expect(classifyUserAgent("   ").isBot).toBe(true);
  });

  it("keeps only the referrer's host, lower-cased and bounded", () => {
    expect(referrerHost("https://WWW.LinkedIn.com/feed/?trk=x")).toBe("www.linkedin.com");
    expect(referrerHost("android-app://com.linkedin.android/")).toBe("com.linkedin.android");
    expect(referrerHost("not a url")).toBeNull();
    expect(referrerHost(null)).toBeNull();
    expect(
      referrerHost(
        `https://${"a".repeat(60)}.${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.${"e".repeat(60)}.example/`,
      )!.length,
    ).toBeLessThanOrEqual(255);
  });
});

describe("destination with the click id", () => {
  it("adds the parameter and keeps query and fragment", () => {
    const url = withClickId(
      "https://fernhill.example/news?ref=home&utm_source=linkedin#top",
      "aid",
      "clk_abc",
    );
    expect(url).toBe("https://fernhill.example/news?ref=home&utm_source=linkedin&aid=clk_abc#top");
  });

  it("starts a query when there is none", () => {
    expect(withClickId("https://fernhill.example/", "aid", "clk_1")).toBe(
      "https://fernhill.example/?aid=clk_1",
    );
    expect(withClickId("https://fernhill.example/p#x", "aid", "clk_1")).toBe(
      "https://fernhill.example/p?aid=clk_1#x",
    );
  });

  it("replaces a parameter of the same name (every occurrence) and keeps others' encoding", () => {
    const url = withClickId(
      "https://x.example/?aid=old&q=a+b%20c&aid=older&aide=keep",
      "aid",
      "clk_new",
    );
    expect(url).toBe("https://x.example/?q=a+b%20c&aide=keep&aid=clk_new");
    expect(withClickId("https://x.example/?aid=only", "aid", "clk_2")).toBe(
      "https://x.example/?aid=clk_2",
    );
  });

  it("uses the organisation's parameter name, encoded", () => {
    expect(withClickId("https://x.example/a", "chorus id", "clk_3")).toBe(
      "https://x.example/a?chorus%20id=clk_3",
    );
    expect(withClickId("https://x.example/a?chorus+id=1", "chorus id", "clk_3")).toBe(
      "https://x.example/a?chorus%20id=clk_3",
    );
  });

  it("never produces a target outside the stored destination", () => {
    for (const stored of [
      "javascript:alert(1)",
      "//evil.example/",
      "/relative",
      "data:text/html,hi",
      "not a url",
    ]) {
      expect(destinationTemplate(stored, "aid")).toBeNull();
    }
    // The click id is ours (base62), but even a hostile value could not change the host.
    const t = destinationTemplate("https://fernhill.example/x", "aid")!;
    const location = new URL(locationFor(t, "@evil.example/#"));
    expect(location.host).toBe("fernhill.example");
  });
});

describe("rate limiter", () => {
  it("allows the limit within a minute, then answers with a wait", () => {
    const t0 = 1_700_000_040_000; // 40 s into a minute window
    const limiter = new SlidingWindowLimiter(3, 60_000, t0);
    expect(limiter.hit("v", t0)).toBe(0);
    expect(limiter.hit("v", t0 + 1)).toBe(0);
    expect(limiter.hit("v", t0 + 2)).toBe(0);
    const wait = limiter.hit("v", t0 + 3);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(120);
    // Other keys are not affected.
    expect(limiter.hit("w", t0 + 4)).toBe(0);
  });

  it("slides: the previous minute weighs less as time passes, and frees up after the wait", () => {
    const start = 1_700_000_000_000 - (1_700_000_000_000 % 60_000);
    const limiter = new SlidingWindowLimiter(10, 60_000, start);
    for (let i = 0; i < 10; i++) expect(limiter.hit("v", start + 50_000 + i)).toBe(0);
    expect(limiter.hit("v", start + 50_100)).toBeGreaterThan(0);
    // 15 s into the next window the previous minute counts 10 × 0.75 = 7.5 → 3 more allowed.
    const t = start + 75_000;
    expect(limiter.hit("v", t)).toBe(0);
    expect(limiter.hit("v", t + 1)).toBe(0);
    expect(limiter.hit("v", t + 1)).toBe(0);
    const wait = limiter.hit("v", t + 2);
    expect(wait).toBeGreaterThan(0);
    expect(limiter.hit("v", t + 2 + wait * 1000)).toBe(0);
    // Two idle windows later everything is forgotten.
    expect(limiter.hit("v", start + 181_000)).toBe(0);
  });
});

describe("write errors", () => {
  it("retries connection and transient errors, sets aside data errors", () => {
    expect(
      isRetryableWriteError(
        Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      ),
    ).toBe(true);
    expect(isRetryableWriteError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(
      isRetryableWriteError(Object.assign(new Error("terminating connection"), { code: "57P01" })),
    ).toBe(true);
    expect(isRetryableWriteError(Object.assign(new Error("deadlock"), { code: "40P01" }))).toBe(
      true,
    );
    // The server refusing the connection for now (seen against a real server: the database not
    // accepting connections set 760 clicks aside for good; click-outage-server.test.ts).
    for (const [code, message] of [
      ["55000", 'database "chorus" is not currently accepting connections'],
      ["3D000", 'database "chorus" does not exist'],
      ["28P01", 'password authentication failed for user "chorus"'],
      ["28000", "no pg_hba.conf entry for host"],
      ["25006", "cannot execute INSERT in a read-only transaction"],
    ]) {
      expect(isRetryableWriteError(Object.assign(new Error(message), { code })), code).toBe(true);
    }
    expect(
      isRetryableWriteError(
        Object.assign(new Error("time zone not recognized"), { code: "22023" }),
      ),
    ).toBe(false);
  });
});

describe("click ids", () => {
  it("look like other ids (clk_ + 20 base62) and do not repeat", () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => newClickId()));
    expect(ids.size).toBe(20_000);
    for (const id of [...ids].slice(0, 100)) expect(id).toMatch(/^clk_[0-9A-Za-z]{20}$/);
  });

  it("start with the time, so later clicks sort after earlier ones", () => {
    const t = Date.UTC(2026, 10, 25, 12);
    const times = [t, t + 1, t + 61, t + 3_600_000, t + 86_400_000 * 400];
    const ids = times.map((time) => newClickId(time));
    expect([...ids].sort()).toEqual(ids); // byte order = time order
    expect(newClickId(t).slice(0, 12)).toBe(newClickId(t).slice(0, 12));
    expect(newClickId(t).slice(12)).not.toBe(newClickId(t).slice(12)); // 12 random characters
  });
});

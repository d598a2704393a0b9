/**
 * Email throughput settings: EMAIL_CONCURRENCY, EMAIL_BATCH_SIZE and SMTP_POOL_SIZE are validated
 * at start-up with defaults, and the pooled transport's settings reach nodemailer through the URL
 * (its only place for transport options when built from a URL).
 */
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/core/env";
import { transportUrl } from "@/lib/integrations/email/transport";

describe("email throughput configuration", () => {
  it("has defaults and refuses values out of range", () => {
    expect(parseEnv({})).toMatchObject({
      EMAIL_CONCURRENCY: 2,
      EMAIL_BATCH_SIZE: 50,
      SMTP_POOL_SIZE: 5,
    });
    expect(
      parseEnv({ EMAIL_CONCURRENCY: "4", EMAIL_BATCH_SIZE: "200", SMTP_POOL_SIZE: "10" }),
    ).toMatchObject({ EMAIL_CONCURRENCY: 4, EMAIL_BATCH_SIZE: 200, SMTP_POOL_SIZE: 10 });
    let problems: string[] = [];
    try {
      parseEnv({ EMAIL_CONCURRENCY: "0", EMAIL_BATCH_SIZE: "many", SMTP_POOL_SIZE: "1000" });
    } catch (error) {
      if (error instanceof EnvError) problems = error.problems;
    }
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual([
      "EMAIL_BATCH_SIZE",
      "EMAIL_CONCURRENCY",
      "SMTP_POOL_SIZE",
    ]);
  });

  it("puts the pool and timeouts in the SMTP URL, keeping credentials and the URL's own options", () => {
    const url = new URL(
      transportUrl("smtp://us%40er:p%3Ass@mail.example.com:587?maxMessages=20", 7),
    );
    expect(url.username).toBe("us%40er");
    expect(url.password).toBe("p%3Ass");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      pool: "true",
      maxConnections: "7",
      maxMessages: "20",
      connectionTimeout: "15000",
      greetingTimeout: "15000",
      socketTimeout: "30000",
    });
  });
});

import { z } from "zod";
import { isValidAllowListEntry } from "@/lib/core/net/is-refused-address";

/**
 * Every environment variable Chorus reads, validated once. `.env.example` documents each one.
 * Other modules read configuration through `env()`, never through `process.env` directly.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const optionalUrl = (what: string) =>
  optionalString.refine((v) => v === undefined || URL.canParse(v), {
    message: `must be a full URL for ${what}, e.g. https://example.com`,
  });

const booleanFlag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : v === "true" || v === "1"));

const int = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` })
    .default(fallback);

const httpUrl = (what: string) =>
  optionalUrl(what).refine((v) => v === undefined || /^https?:\/\//i.test(v), {
    message: `must be an http:// or https:// URL for ${what}`,
  });

/** A comma-separated list, trimmed and lower-cased, each entry checked by `valid`. */
const commaList = (valid: (entry: string) => boolean, example: string) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((entry) => entry.trim().toLowerCase())
        .filter(Boolean),
    )
    .superRefine((entries, ctx) => {
      for (const entry of entries.filter((e) => !valid(e))) {
        ctx.addIssue({ code: "custom", message: `"${entry}" is not ${example}` });
      }
    });

/**
 * The LinkedIn API version Chorus sends unless LINKEDIN_API_VERSION says otherwise: a version LinkedIn
 * serves as this release is made (it retires each about a year after its release).
 */
export const DEFAULT_LINKEDIN_API_VERSION = "202611";

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: int(1, 65535, 3000),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: "must be a PostgreSQL URL: postgresql://user:password@host:5432/database",
  }),
  DATABASE_POOL_SIZE: int(1, 200, 10),
  EMBEDDED_DB_DIR: z.string().default(".data/pglite"),
  EMBEDDED_DB_PORT: int(0, 65535, 5439),
  APP_URL: optionalUrl("the public address of the app"),
  SHORT_LINK_BASE_URL: optionalUrl("tracked links on a custom domain, e.g. https://go.example.com"),
  AUTH_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
    message: "must be at least 32 characters (generate one with `openssl rand -base64 32`)",
  }),
  SEED_DEMO: booleanFlag(true),
  SIGNUP_ENABLED: booleanFlag(true),
  OIDC_ISSUER: optionalUrl("the OIDC issuer"),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_DISPLAY_NAME: z.string().default("SSO"),
  LINKEDIN_CLIENT_ID: optionalString,
  LINKEDIN_CLIENT_SECRET: optionalString,
  LINKEDIN_OIDC_ISSUER: z
    .string()
    .url({ message: "must be a full URL" })
    .default("https://www.linkedin.com/oauth"),
  /** LinkedIn posting (Connect LinkedIn): OAuth and REST base URLs, API version (YYYYMM). */
  LINKEDIN_AUTH_URL: z
    .string()
    .url({ message: "must be a full URL" })
    .default("https://www.linkedin.com/oauth/v2"),
  LINKEDIN_API_URL: z
    .string()
    .url({ message: "must be a full URL" })
    .default("https://api.linkedin.com"),
  /**
   * Outcome connectors: the HubSpot and Greenhouse Harvest API hosts. Only for tests and proxies;
   * never set per connection or from a request.
   */
  HUBSPOT_API_BASE: z
    .string()
    .url({ message: "must be a full URL" })
    .default("https://api.hubapi.com"),
  GREENHOUSE_API_BASE: z
    .string()
    .url({ message: "must be a full URL" })
    .default("https://harvest.greenhouse.io"),
  /**
   * LinkedIn serves each monthly version for about a year, then answers 426 NONEXISTENT_VERSION:
   * move it forward at least twice a year (README, "LinkedIn API version").
   */
  LINKEDIN_API_VERSION: z
    .string()
    .regex(/^20\d{2}(0[1-9]|1[0-2])(\.\d{2})?$/, {
      message: "must be a version month such as 202611 (or a patch such as 202611.01)",
    })
    .default(DEFAULT_LINKEDIN_API_VERSION),
  /** Ask for r_member_postAnalytics (only when the LinkedIn app has that product). */
  LINKEDIN_POST_ANALYTICS: booleanFlag(false),
  /**
   * Keys that encrypt stored tokens (AES-256-GCM): comma-separated `id:base64key` (32 bytes each);
   * the first encrypts, all decrypt (rotation: put a new key first, re-encrypt, drop the old).
   */
  TOKEN_ENCRYPTION_KEYS: optionalString.refine(
    (v) =>
      v === undefined ||
      v
        .split(",")
        .every((entry) => /^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=_-]{43,44}$/.test(entry.trim())),
    {
      message:
        "must be comma-separated id:base64key entries (32-byte keys: `openssl rand -base64 32`)",
    },
  ),
  /** Outgoing email: smtp://user:pass@host:587 or smtps://…:465; unset = emails are not sent. */
  SMTP_URL: optionalString.refine((v) => v === undefined || /^smtps?:\/\//.test(v), {
    message: "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587",
  }),
  EMAIL_FROM: z.string().default("Chorus <no-reply@chorus.local>"),
  /**
   * Email throughput (lib/domains/email/jobs/send-email.ts): email-send workers per instance, jobs
   * each fetches and sends at once, and SMTP connections the instance keeps open (a pool shared by
   * its workers). The defaults sent ~90 emails/s to a loopback SMTP sink on a busy 2-core machine
   * (`npm run bench -- mail`); ask a hosted provider what rate and connection count it allows
   * before raising them.
   */
  EMAIL_CONCURRENCY: int(1, 32, 2),
  EMAIL_BATCH_SIZE: int(1, 500, 50),
  SMTP_POOL_SIZE: int(1, 50, 5),
  LOGIN_MAX_FAILURES: int(1, 100, 5),
  LOGIN_LOCKOUT_MINUTES: int(1, 24 * 60, 15),
  UPLOADS_DIR: optionalString.transform((v) => v ?? ".data/uploads"),
  STORAGE_DRIVER: z
    .enum(["local", "s3", ""], { error: 'must be "local" or "s3"' })
    .optional()
    .transform((v): "local" | "s3" => (v === "s3" ? "s3" : "local")),
  S3_ENDPOINT: httpUrl("the S3-compatible service"),
  S3_REGION: optionalString
    .refine((v) => v === undefined || /^[a-z0-9-]{1,40}$/.test(v), {
      message: "must be a region name such as us-east-1 (Cloudflare R2: auto)",
    })
    .transform((v) => v ?? "us-east-1"),
  S3_BUCKET: optionalString.refine(
    (v) => v === undefined || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v),
    { message: "must be a bucket name: 3–63 lower-case letters, digits, dots and hyphens" },
  ),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: booleanFlag(true),
  /** Trust X-Forwarded-For (set when a proxy you run overwrites it); otherwise the socket address. */
  TRUST_PROXY: booleanFlag(false),
  /** Tracked links: seconds a link look-up stays cached in memory (changes invalidate at once). */
  LINK_CACHE_TTL_SECONDS: int(1, 3600, 60),
  /** Click recording: flush interval, batch size, in-memory bound, spool directory for outages. */
  CLICK_FLUSH_MS: int(10, 10_000, 200),
  CLICK_BATCH_SIZE: int(1, 10_000, 1000),
  CLICK_BUFFER_MAX: int(1000, 10_000_000, 200_000),
  CLICK_SPOOL_DIR: z.string().default(".data/click-spool"),
  /**
   * Months of raw click events kept (ClickEvent is partitioned by month): the daily job
   * click-partitions drops older months once their rollups are final. Dashboards read rollups only.
   */
  CLICK_RETENTION_MONTHS: int(1, 120, 13),
  /** Requests per visitor key per minute on one tracked link before answering 429. */
  CLICK_RATE_LIMIT_PER_MINUTE: int(1, 100_000, 120),
  /** Public API requests per API key per minute. */
  API_RATE_LIMIT_PER_MINUTE: int(1, 100_000, 600),
  /**
   * Bearer token for GET /api/metrics (Prometheus text). Unset: the endpoint answers 404 and no
   * request metrics are recorded.
   */
  METRICS_TOKEN: optionalString.refine((v) => v === undefined || /^[\x21-\x7e]{32,256}$/.test(v), {
    message:
      "must be 32 to 256 visible ASCII characters without spaces (generate one with `openssl rand -hex 32`)",
  }),
  /** Run background jobs (rollups, …) in this process; turn off on instances that only serve. */
  JOBS_ENABLED: booleanFlag(true),
  LINK_PREVIEW_ALLOWED_HOSTS: commaList(
    isValidAllowListEntry,
    "a hostname, an IP address or a CIDR network such as 10.0.0.0/8",
  ),
  /**
   * Content sources (feeds, sitemaps) Chorus may poll although private: hostnames, IPs and CIDRs
   * (an intranet blog). Empty by default; the end-to-end run sets 127.0.0.1 for its local feed.
   */
  CONTENT_SOURCES_ALLOWED_HOSTS: commaList(
    isValidAllowListEntry,
    "a hostname, an IP address or a CIDR network such as 10.0.0.0/8",
  ),
  /**
   * Single sign-on per organisation: identity provider hosts (SAML metadata URLs, OIDC issuers)
   * Chorus may reach although private, or over plain http. Empty by default (https, public only);
   * the tests set 127.0.0.1 for their local identity providers.
   */
  SSO_ALLOWED_HOSTS: commaList(
    isValidAllowListEntry,
    "a hostname, an IP address or a CIDR network such as 10.0.0.0/8",
  ),
  /**
   * Lets an organisation's admin mark an email domain verified without the DNS TXT record. Only for
   * development and tests: an admin could otherwise claim any domain (gmail.com) and let their
   * identity provider sign in its people. Off by default.
   */
  SSO_ADMIN_DOMAIN_VERIFICATION: booleanFlag(false),
  /**
   * Web Push (VAPID, RFC 8292): the application server's P-256 key pair, base64url (the public key
   * uncompressed, 65 bytes; the private key 32 bytes). Unset: `npm start` keeps a generated pair in
   * .data/vapid-keys; several instances must share one pair (set both).
   */
  VAPID_PUBLIC_KEY: optionalString.refine((v) => v === undefined || isBase64Url(v, 65, 0x04), {
    message:
      "must be an uncompressed P-256 public key in base64url (87 characters, generate a pair with `npx web-push generate-vapid-keys`)",
  }),
  VAPID_PRIVATE_KEY: optionalString.refine((v) => v === undefined || isBase64Url(v, 32), {
    message:
      "must be a P-256 private key in base64url (43 characters, generate a pair with `npx web-push generate-vapid-keys`)",
  }),
  /** Who push services can contact about this server: mailto: or https: (default: from APP_URL/EMAIL_FROM). */
  VAPID_SUBJECT: optionalString.refine(
    (v) => v === undefined || /^(mailto:\S+@\S+|https:\/\/\S+)$/.test(v),
    {
      message: "must be a mailto: address or an https:// URL, e.g. mailto:it@example.com",
    },
  ),
  /**
   * Push endpoints Chorus may reach although private, or over plain http (a push service inside the
   * network, the tests' local push server): hostnames, IPs and CIDRs.
   */
  PUSH_ALLOWED_HOSTS: commaList(
    isValidAllowListEntry,
    "a hostname, an IP address or a CIDR network such as 10.0.0.0/8",
  ),
  /**
   * Developer webhooks (README "Developer webhooks") Chorus may deliver to although private, or over
   * plain http (an in-house receiver; the tests' loopback receiver): hostnames, IPs and CIDRs.
   */
  DEVELOPER_WEBHOOKS_ALLOWED_HOSTS: commaList(
    isValidAllowListEntry,
    "a hostname, an IP address or a CIDR network such as 10.0.0.0/8",
  ),
  /** Deliveries failing in a row (each after all its retries) before a developer webhook is turned off. */
  DEVELOPER_WEBHOOK_DISABLE_AFTER_FAILURES: int(1, 10_000, 20),
  /**
   * AI assistance (README "AI assistance"): any OpenAI-compatible chat-completions service —
   * OpenAI, Azure OpenAI, Mistral, a local Ollama or vLLM. Unset: no AI anywhere in the app.
   */
  AI_BASE_URL: httpUrl("the AI service, e.g. https://api.openai.com/v1").transform((v) =>
    v?.replace(/\/+$/, ""),
  ),
  AI_API_KEY: optionalString,
  AI_MODEL: optionalString.refine((v) => v === undefined || /^[\x21-\x7e]{1,200}$/.test(v), {
    message: "must be a model name without spaces, e.g. gpt-4o-mini or llama3.1",
  }),
  /** Seconds an AI answer may take in all before it is cancelled. */
  AI_TIMEOUT_SECONDS: int(1, 600, 60),
});

/** base64url text that decodes to `bytes` bytes (starting with `first`, when given). */
function isBase64Url(text: string, bytes: number, first?: number): boolean {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return false;
  const decoded = Buffer.from(text, "base64url");
  return decoded.length === bytes && (first === undefined || decoded[0] === first);
}

/** Rules across variables, checked on the raw values so they are reported with the others. */
function crossFieldProblems(source: Record<string, string | undefined>): string[] {
  const set = (name: string) => Boolean(source[name]?.trim());
  const problems: string[] = [];
  const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"];
  if (oidc.some(set) && !oidc.every(set)) {
    problems.push(
      "OIDC_ISSUER: OIDC SSO needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET",
    );
  }
  if (set("LINKEDIN_CLIENT_ID") !== set("LINKEDIN_CLIENT_SECRET")) {
    problems.push(
      "LINKEDIN_CLIENT_ID: Sign in with LinkedIn needs both LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET",
    );
  }
  const s3 = ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"];
  if (source.STORAGE_DRIVER?.trim() === "s3" && !s3.every(set)) {
    problems.push(
      "STORAGE_DRIVER: S3 storage needs all of S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (and S3_ENDPOINT unless it is AWS)",
    );
  }
  if (source.STORAGE_DRIVER?.trim() !== "s3" && [...s3, "S3_ENDPOINT"].some(set)) {
    problems.push(
      'STORAGE_DRIVER: S3 variables are set but STORAGE_DRIVER is not "s3", so files would go to local disk; set STORAGE_DRIVER=s3 or remove them',
    );
  }
  if (set("VAPID_PUBLIC_KEY") !== set("VAPID_PRIVATE_KEY")) {
    problems.push(
      "VAPID_PUBLIC_KEY: Web Push needs both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (one pair, from `npx web-push generate-vapid-keys`)",
    );
  }
  if (set("AI_BASE_URL") !== set("AI_MODEL")) {
    problems.push(
      "AI_BASE_URL: AI assistance needs both AI_BASE_URL and AI_MODEL (and AI_API_KEY unless the service needs none, e.g. a local Ollama)",
    );
  }
  // `next build` runs with NODE_ENV=production but signs nothing: the secret is needed to serve.
  const building = source.NEXT_PHASE === "phase-production-build";
  if (source.NODE_ENV === "production" && !building && !set("AUTH_SECRET")) {
    problems.push(
      "AUTH_SECRET: is required in production (generate one with `openssl rand -base64 32`)",
    );
  }
  // Posting to LinkedIn stores members' tokens, encrypted with these keys (lib/core/crypto/token-cipher).
  if (
    source.NODE_ENV === "production" &&
    !building &&
    set("LINKEDIN_CLIENT_ID") &&
    !set("TOKEN_ENCRYPTION_KEYS")
  ) {
    problems.push(
      "TOKEN_ENCRYPTION_KEYS: is required in production when LinkedIn is configured (LINKEDIN_CLIENT_ID): it encrypts stored LinkedIn tokens; set it to key1:$(openssl rand -base64 32)",
    );
  }
  return problems;
}

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every variable.`,
    );
    this.name = "EnvError";
  }
}

/** Validates a set of variables; returns the typed config or throws an EnvError naming each problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  const problems = result.success
    ? []
    : result.error.issues.map(
        (issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`,
      );
  problems.push(...crossFieldProblems(source));
  if (problems.length > 0 || !result.success) throw new EnvError(problems);
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

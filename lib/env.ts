import { z } from "zod";

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

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "must be a PostgreSQL URL: postgresql://user:password@host:5432/database",
    }),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    EMBEDDED_DB_DIR: z.string().default(".data/pglite"),
    EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(5439),
    APP_URL: optionalUrl("the public address of the app"),
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
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCKOUT_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    /** Uploaded files (organisation logos) when stored on local disk. */
    UPLOADS_DIR: optionalString.transform((v) => v ?? ".data/uploads"),
  })
  .superRefine((e, ctx) => {
    const oidc = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "OIDC SSO needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET",
      });
    }
    if (Boolean(e.LINKEDIN_CLIENT_ID) !== Boolean(e.LINKEDIN_CLIENT_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["LINKEDIN_CLIENT_ID"],
        message: "Sign in with LinkedIn needs both LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET",
      });
    }
    if (e.NODE_ENV === "production" && !e.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required in production (generate one with `openssl rand -base64 32`)",
      });
    }
  });

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
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map(
      (issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`,
    ),
  );
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

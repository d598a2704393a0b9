import { z } from "zod";
import { scimBadRequest } from "@/lib/domains/scim/scim-error";

export const SCIM_LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const SCIM_PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const SCIM_USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const SCIM_GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const MAX_PAGE_SIZE = 200;

export interface ListQuery {
  /** 1-based (RFC 7644 §3.4.2.4). */
  startIndex: number;
  count: number;
  filter: { attribute: string; value: string } | null;
  excludeMembers: boolean;
}

/**
 * Reads the list parameters. Only `<attribute> eq "<value>"` filters on the attributes in
 * `filterable` are supported (what Okta and Entra send); anything else → 400 invalidFilter.
 */
export function parseListQuery(url: string, filterable: readonly string[]): ListQuery {
  const params = new URL(url).searchParams;
  const startIndex = positiveInt(params.get("startIndex"), 1);
  const count = Math.min(nonNegativeInt(params.get("count"), 100), MAX_PAGE_SIZE);
  const raw = params.get("filter");
  let filter: ListQuery["filter"] = null;
  if (raw !== null) {
    const match = /^\s*([A-Za-z][\w.:]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(raw);
    const attribute = match
      ? filterable.find((a) => a.toLowerCase() === match[1]!.toLowerCase())
      : undefined;
    if (!match || !attribute) {
      throw scimBadRequest(
        "invalidFilter",
        `Unsupported filter. Use ${filterable.map((a) => `${a} eq "…"`).join(" or ")}.`,
      );
    }
    filter = { attribute, value: match[2]!.replace(/\\(.)/g, "$1") };
  }
  const excluded = (params.get("excludedAttributes") ?? "").toLowerCase().split(",");
  return {
    startIndex,
    count,
    filter,
    excludeMembers: excluded.some((a) => a.trim() === "members"),
  };
}

function positiveInt(value: string | null, fallback: number): number {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 1_000_000_000) : fallback;
}

function nonNegativeInt(value: string | null, fallback: number): number {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

export function listResponse(
  resources: object[],
  totalResults: number,
  startIndex: number,
): object {
  return {
    schemas: [SCIM_LIST_SCHEMA],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

const operationSchema = z.object({
  op: z
    .string({ error: "Each operation needs an op (add, replace or remove)." })
    .transform((op) => op.toLowerCase())
    .pipe(z.enum(["add", "replace", "remove"], { error: "op is add, replace or remove." })),
  path: z.string().max(500).optional(),
  value: z.unknown().optional(),
});

export type PatchOperation = z.infer<typeof operationSchema>;

const patchSchema = z.object({
  Operations: z
    .array(operationSchema, { error: "A PATCH needs an Operations array." })
    .min(1, { error: "A PATCH needs at least one operation." })
    .max(1000, { error: "At most 1,000 operations per PATCH." }),
});

export function parsePatch(body: unknown): PatchOperation[] {
  const parsed = patchSchema.safeParse(body);
  if (!parsed.success) {
    throw scimBadRequest("invalidSyntax", parsed.error.issues[0]?.message ?? "Invalid PATCH.");
  }
  return parsed.data.Operations;
}

/** Entra sends booleans as "True"/"False". */
export function scimBoolean(value: unknown, what: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) {
    return value.toLowerCase() === "true";
  }
  throw scimBadRequest("invalidValue", `${what} must be true or false.`);
}

export function scimString(value: unknown, what: string, max = 254): string {
  if (typeof value !== "string") throw scimBadRequest("invalidValue", `${what} must be a string.`);
  const text = value.trim();
  if (text.length > max) {
    throw scimBadRequest("invalidValue", `${what} is at most ${max} characters.`);
  }
  return text;
}

/** `members[value eq "id"]` → "id"; null for other paths. */
export function memberValueOfPath(path: string): string | null {
  const match = /^\s*members\s*\[\s*value\s+eq\s+"((?:[^"\\]|\\.)*)"\s*\]\s*$/i.exec(path);
  return match ? match[1]!.replace(/\\(.)/g, "$1") : null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

import { z } from "zod";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@/lib/domains/read-api/page-query";
import {
  campaignSchema,
  conversionListItemSchema,
  dailyStatSchema,
  itemSchema,
  memberSchema,
  pageSchema,
  shareSchema,
  teamSchema,
} from "@/lib/domains/read-api/read-schemas";

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "output",
    unrepresentable: "any",
  });
  return rest as Json;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function error(description: string, code: string, message: string, headers?: Json): Json {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: {
      "application/json": { schema: ref("Error"), example: { error: { code, message } } },
    },
  };
}

const PAGE_PARAMETERS: Json[] = [
  {
    name: "limit",
    in: "query",
    required: false,
    description: `Rows per page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
    schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
  },
  {
    name: "cursor",
    in: "query",
    required: false,
    description: "The `next_cursor` of the previous page (opaque). Leave out for the first page.",
    schema: { type: "string" },
  },
];

function dateParameter(name: "from" | "to", what: string): Json {
  return {
    name,
    in: "query",
    required: false,
    description: `${name === "from" ? "Inclusive" : "Exclusive"} bound on ${what}: an ISO 8601 date (2026-11-25, midnight UTC) or date-time.`,
    schema: { type: "string" },
  };
}

interface ListPath {
  path: string;
  operationId: string;
  summary: string;
  description: string;
  schema: string;
  /** What `from`/`to` filter on, or null when the list has no date filter. */
  dates: string | null;
  extra?: Json[];
}

const LISTS: ListPath[] = [
  {
    path: "/api/v1/items",
    operationId: "listItems",
    summary: "List content items",
    description: "Content items of your organisation in every status, oldest first.",
    schema: "Item",
    dates: "the item's creation",
  },
  {
    path: "/api/v1/shares",
    operationId: "listShares",
    summary: "List shares",
    description: "Every share (a person sharing an item, with its tracked link), oldest first.",
    schema: "Share",
    dates: "the share's creation",
  },
  {
    path: "/api/v1/members",
    operationId: "listMembers",
    summary: "List members",
    description:
      "Members of your organisation (active and deactivated) by join date, with their teams. E-mail addresses are not exposed.",
    schema: "Member",
    dates: "the join date",
  },
  {
    path: "/api/v1/teams",
    operationId: "listTeams",
    summary: "List teams",
    description: "Teams with their member counts, oldest first.",
    schema: "Team",
    dates: null,
  },
  {
    path: "/api/v1/stats/daily",
    operationId: "listDailyStats",
    summary: "Daily figures",
    description:
      "Clicks, visits and conversions per day (the organisation's time zone), from the rollups the dashboards read (refreshed every minute). With group_by=item one row per day and item; with group_by=team one row per day and team (a share counts for every team of its sharer; sharers in no team under teamId null).",
    schema: "DailyStat",
    dates: "the day",
    extra: [
      {
        name: "group_by",
        in: "query",
        required: false,
        schema: { type: "string", enum: ["item", "team"] },
      },
    ],
  },
  {
    path: "/api/v1/conversions",
    operationId: "listConversions",
    summary: "List conversions",
    description: "Conversions recorded for your organisation, by when they happened.",
    schema: "ConversionListItem",
    dates: "occurredAt",
  },
  {
    path: "/api/v1/campaigns",
    operationId: "listCampaigns",
    summary: "List campaigns",
    description:
      "Campaigns, oldest first. With from/to: the campaigns running at some point of that period.",
    schema: "Campaign",
    dates: "the campaign's period",
  },
];

/** The read API's paths (GET, scope "read") and schemas, merged into the public API document. */
export function readApiOpenApi(): { paths: Record<string, Json>; schemas: Record<string, Json> } {
  const paths: Record<string, Json> = {};
  for (const list of LISTS) {
    paths[list.path] = {
      get: {
        operationId: list.operationId,
        summary: list.summary,
        description: `${list.description} Needs a secret key with the read scope. Cursor pagination: follow next_cursor until it is null. Rate limit: per key per minute, shared with the key's other requests (429 with Retry-After).`,
        security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
        parameters: [
          ...PAGE_PARAMETERS,
          ...(list.dates
            ? [dateParameter("from", list.dates), dateParameter("to", list.dates)]
            : []),
          ...(list.extra ?? []),
        ],
        responses: {
          "200": {
            description: "One page.",
            content: { "application/json": { schema: ref(`${list.schema}Page`) } },
          },
          "400": error(
            "A malformed parameter (limit, cursor, from, to, group_by).",
            "BAD_REQUEST",
            "limit: at most 200 per page.",
          ),
          "401": error(
            "Missing, unknown or revoked API key.",
            "UNAUTHORIZED",
            "This API key is not valid. Check that you copied all of it.",
            { "WWW-Authenticate": { schema: { type: "string" } } },
          ),
          "403": error(
            "The key has no read scope (e.g. a publishable key).",
            "FORBIDDEN",
            "This API key is not allowed to do this (it needs read).",
          ),
          "429": error(
            "Too many requests with this key; retry after the given number of seconds.",
            "RATE_LIMITED",
            "Too many requests with this API key. Try again in 1 minute.",
            { "Retry-After": { schema: { type: "integer" } } },
          ),
        },
      },
    };
  }
  const items: Record<string, z.ZodType> = {
    Item: itemSchema,
    Share: shareSchema,
    Member: memberSchema,
    Team: teamSchema,
    DailyStat: dailyStatSchema,
    ConversionListItem: conversionListItemSchema,
    Campaign: campaignSchema,
  };
  const schemas: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(items)) {
    schemas[name] = jsonSchema(schema);
    const page = jsonSchema(pageSchema(z.object({})));
    (page.properties as Json).data = { type: "array", items: ref(name) };
    schemas[`${name}Page`] = page;
  }
  return { paths, schemas };
}

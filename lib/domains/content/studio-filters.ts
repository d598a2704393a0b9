import type { BusinessGoal, ValueType } from "@/lib/generated/prisma/enums";
import { DISPLAY_STATUSES, type DisplayStatus } from "@/lib/domains/content/display-status";
import type { ListContentQuery } from "@/lib/domains/content/list-content-items";
import { GOAL_IDS, VALUE_TYPE_IDS } from "@/lib/domains/content/value-types";
import { zonedLocalToDate } from "@/lib/core/time/zoned-time";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The studio list's filters as they appear in its query string (dates as "YYYY-MM-DD"). */
export interface StudioFilters {
  q?: string;
  /** As the badges show it: "PUBLISHED" is live now; "SCHEDULED" and "EXPIRED" apart. */
  status?: DisplayStatus;
  valueType?: ValueType;
  goal?: BusinessGoal;
  /** "all" (whole organisation), or a team or location id. */
  audience?: string;
  language?: string;
  from?: string;
  to?: string;
  page: number;
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() || undefined;
}

function pick<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  const upper = value?.toUpperCase();
  return list.find((item) => item === upper);
}

function day(value: string | undefined): string | undefined {
  return value && DAY_PATTERN.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

/** Unusable values (an unknown status, a page of "abc") are dropped: URLs get hand-edited. */
export function readStudioFilters(params: SearchParams): StudioFilters {
  const audience = first(params.audience);
  const language = first(params.language);
  const page = Number(first(params.page) ?? "1");
  return {
    q: first(params.q)?.slice(0, 100),
    status: pick(DISPLAY_STATUSES, first(params.status)),
    valueType: pick(VALUE_TYPE_IDS, first(params.valueType)),
    goal: pick(GOAL_IDS, first(params.goal)),
    audience: audience && /^[A-Za-z0-9_-]{1,64}$/.test(audience) ? audience : undefined,
    language: language && /^[A-Za-z]{2,3}(-[A-Za-z]{2})?$/.test(language) ? language : undefined,
    from: day(first(params.from)),
    to: day(first(params.to)),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** "PT-br" → "pt-BR", the form languages are stored in. */
function normaliseLanguage(code: string): string {
  const [lang, region] = code.split("-");
  return region ? `${lang!.toLowerCase()}-${region.toUpperCase()}` : lang!.toLowerCase();
}

function nextDay(dayKey: string): string {
  const d = new Date(`${dayKey}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The list query: the date range covers whole days in the organisation's time zone. */
export function toListQuery(
  filters: StudioFilters,
  timeZone: string,
  pageSize: number,
): ListContentQuery {
  const { from, to, language, ...rest } = filters;
  const end = to ? zonedLocalToDate(`${nextDay(to)}T00:00`, timeZone) : null;
  return {
    ...rest,
    language: language ? normaliseLanguage(language) : undefined,
    from: from ? (zonedLocalToDate(`${from}T00:00`, timeZone) ?? undefined) : undefined,
    to: end ? new Date(end.getTime() - 1) : undefined,
    pageSize,
  };
}

export function studioHref(filters: StudioFilters, change: Partial<StudioFilters> = {}): string {
  const next = { ...filters, ...change };
  if (!("page" in change)) next.page = 1;
  const params = new URLSearchParams();
  for (const key of ["q", "status", "valueType", "goal", "audience", "language", "from", "to"]) {
    const value = next[key as keyof StudioFilters];
    if (value) params.set(key, String(value));
  }
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `/studio?${query}` : "/studio";
}

export function hasStudioFilters(filters: StudioFilters): boolean {
  const { page: _page, ...rest } = filters;
  return Object.values(rest).some(Boolean);
}

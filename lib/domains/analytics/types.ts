import type {
  BusinessGoal,
  ContentStatus,
  ConversionOutcome,
  ShareChannel,
  ShareStatus,
  SocialNetwork,
  ValueType,
} from "@/lib/generated/prisma/enums";

/**
 * The shapes the analytics queries (lib/analytics/get-*.ts) return and the dashboard renders.
 * Days are calendar days in the organisation's time zone, written YYYY-MM-DD; ranges include
 * both ends.
 */
export interface DayRange {
  from: string;
  to: string;
}

/** Who a query may look at: the whole organisation (admins) or a set of teams (managers). */
export interface AnalyticsScope {
  orgId: string;
  /** null = the whole organisation; otherwise members of these teams only. */
  teamIds: string[] | null;
}

export interface AnalyticsQuery extends AnalyticsScope {
  range: DayRange;
}

export type OutcomeArea = "MARKETING" | "HR" | "SALES";

export interface Kpis {
  /** People in scope who shared at least once in the range. */
  activeAdvocates: number;
  /** Active members in scope who could share (denominator of participation). */
  eligibleAdvocates: number;
  shares: number;
  /** Clicks not flagged as bots. */
  humanClicks: number;
  botClicks: number;
  /** Human visitors counted once per share per hour. */
  uniqueVisits: number;
  /** Impressions: LinkedIn's figures where known, otherwise network size × reach rate. */
  estimatedReach: number;
  /** True when any part of `estimatedReach` is an estimate (the UI labels it). */
  reachIsEstimate: boolean;
  /** Earned media value in `currency`: impressions × CPM / 1000 + human clicks × CPC. */
  emv: number;
  conversions: number;
  conversionsByArea: Record<OutcomeArea, number>;
  conversionsByOutcome: Record<ConversionOutcome, number>;
  /** Sum of conversion values in the organisation's currency. */
  conversionValue: number;
  /** Mean authenticity (0..1) of the shares in the range; null without shares. */
  authenticityAverage: number | null;
  /** Shares whose text kept words the AI suggested (they count as suggested text, not own words). */
  aiAssistedShares: number;
}

export interface TrendPoint {
  day: string;
  shares: number;
  humanClicks: number;
  uniqueVisits: number;
  conversions: number;
  estimatedReach: number;
}

export interface Overview {
  range: DayRange;
  /** The same number of days just before `range`. */
  previousRange: DayRange;
  currency: string;
  current: Kpis;
  previous: Kpis;
  trend: TrendPoint[];
}

/** One row of a breakdown table (value type, goal, content, team, advocate). */
export interface BreakdownRow {
  key: string;
  label: string;
  shares: number;
  humanClicks: number;
  uniqueVisits: number;
  conversions: number;
  conversionValue: number;
  estimatedReach: number;
  emv: number;
  /** Unique visits per share (0 without shares). */
  clicksPerShare: number;
}

export interface ValueTypeRow extends BreakdownRow {
  valueType: ValueType;
}

export interface GoalRow extends BreakdownRow {
  goal: BusinessGoal;
  /** Conversions in this goal's own outcome area (e.g. applications + hires for HR). */
  conversionsInArea: number;
}

export interface ContentRow extends BreakdownRow {
  itemId: string;
  valueType: ValueType;
}

export interface TeamRow extends BreakdownRow {
  teamId: string;
  members: number;
  activeAdvocates: number;
}

export interface LeaderboardRow extends BreakdownRow {
  membershipId: string;
  handle: string | null;
  rank: number;
  points: number;
}

export interface Funnel {
  shares: number;
  uniqueVisits: number;
  conversions: number;
}

/** Clicks by network (from the daily rollups, by the day the clicks happened). */
export interface NetworkRow {
  network: SocialNetwork;
  humanClicks: number;
  uniqueVisits: number;
  conversions: number;
}

export interface Breakdowns {
  /** Every network with clicks or conversions in the period, most human clicks first. */
  networks: NetworkRow[];
  valueTypes: ValueTypeRow[];
  goals: GoalRow[];
  topContent: ContentRow[];
  leaderboard: LeaderboardRow[];
  teams: TeamRow[];
  funnel: Funnel;
}

/** One share of a post in the drill-down: who, how, when, and what it brought in the range. */
export interface ContentSharer {
  shareId: string;
  membershipId: string;
  name: string;
  handle: string | null;
  channel: ShareChannel;
  status: ShareStatus;
  sharedAt: Date;
  /** The day of the share in the organisation's time zone. */
  day: string;
  /** Went out inside the range: one of the range's shares (else an older share still bringing clicks). */
  inRange: boolean;
  humanClicks: number;
  uniqueVisits: number;
  conversions: number;
}

/** What one post brought in a range, for the caller's scope (same semantics as the breakdowns). */
export interface ContentPerformance {
  item: {
    id: string;
    title: string;
    valueType: ValueType;
    goals: BusinessGoal[];
    status: ContentStatus;
  };
  range: DayRange;
  currency: string;
  totals: {
    shares: number;
    /** People with at least one share in the range. */
    people: number;
    humanClicks: number;
    uniqueVisits: number;
    conversions: number;
    conversionValue: number;
    estimatedReach: number;
    reachIsEstimate: boolean;
    emv: number;
  };
  outcomes: Record<ConversionOutcome, number>;
  trend: TrendPoint[];
  /** Shares made in the range, and older ones with clicks or conversions in it. */
  sharers: ContentSharer[];
}

/** The tables that can be downloaded as CSV from the dashboard. */
export const EXPORT_TABLES = [
  "daily",
  "value-types",
  "goals",
  "content",
  "advocates",
  "teams",
  "shares",
  "conversions",
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { BusinessGoal, ContentStatus, Role, ValueType } from "@/lib/generated/prisma/enums";
import type { Random } from "./random";

/** What each seed step receives and may extend for the steps after it. */
export interface SeedContext {
  db: PrismaClient;
  random: Random;
  now: Date;
  org: { id: string; name: string; slug: string };
  teams: { id: string; name: string }[];
  locations: { id: string; name: string }[];
  members: {
    membershipId: string;
    userId: string;
    name: string;
    email: string;
    role: Role;
    teamIds: string[];
    locationId: string | null;
  }[];
  /** The organisation's governance settings (seeded by the content step). */
  settings: {
    requireApproval: boolean;
    disclosureText: string | null;
    blockedPhrases: string[];
    requiredHashtags: string[];
    maxSharesPerDay: number | null;
  };
  /** The content library (seeded by the content step), for shares, clicks and outcomes. */
  items: SeedItem[];
  /** Shares (seeded by the sharing step), for clicks and outcomes. */
  shares: SeedShare[];
}

export interface SeedShare {
  id: string;
  code: string;
  itemId: string;
  membershipId: string;
  createdAt: Date;
  authenticity: number;
}

export interface SeedItem {
  id: string;
  slug: string;
  title: string;
  language: string;
  valueType: ValueType;
  goals: BusinessGoal[];
  status: ContentStatus;
  /** User id of the admin who wrote it. */
  authorId: string;
  /** When an admin published it; null for drafts and items in review. */
  publishedAt: Date | null;
  /** When members could first see it (a scheduled item: in the future); null if never. */
  visibleFrom: Date | null;
  /** When it stops (or stopped) being visible: expiry or archiving; null when open-ended. */
  visibleUntil: Date | null;
  audienceAll: boolean;
  audienceTeamIds: string[];
  audienceLocationIds: string[];
  linkUrl: string | null;
  /** The employee whose suggestion it came from. */
  originatorMembershipId: string | null;
}

export interface SeedStep {
  name: string;
  run(ctx: SeedContext): Promise<void>;
}

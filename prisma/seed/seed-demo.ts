import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SeedContext, SeedStep } from "./context";
import { createRandom } from "./random";
import { seedContent } from "./seed-content";
import { seedOrganization } from "./seed-organization";
import { seedShares } from "./seed-shares";
import { seedAnalytics } from "./seed-analytics";
import { seedAuditTrail } from "./seed-audit";
import { seedTopics } from "./seed-topics";
import { seedRecognition } from "./seed-recognition";
import { seedMilestones } from "./seed-milestones";
import { seedCampaigns } from "./seed-campaigns";

/**
 * The demo organisation, built by steps in order. Each capability adds its own step (content,
 * shares, clicks, outcomes…) that reads what earlier steps put in the context.
 */
export const SEED_STEPS: SeedStep[] = [
  seedOrganization,
  seedContent,
  seedTopics,
  seedShares,
  seedAnalytics,
  seedRecognition,
  seedMilestones,
  seedCampaigns,
  seedAuditTrail,
];

export async function seedDemo(
  db: PrismaClient,
  { log = console.log, now = new Date() }: { log?: (line: string) => void; now?: Date } = {},
): Promise<SeedContext> {
  const ctx: SeedContext = {
    db,
    random: createRandom(20261125),
    now,
    org: { id: "", name: "", slug: "" },
    teams: [],
    locations: [],
    members: [],
    settings: {
      requireApproval: false,
      disclosureText: null,
      blockedPhrases: [],
      requiredHashtags: [],
      maxSharesPerDay: null,
    },
    items: [],
    shares: [],
  };
  for (const step of SEED_STEPS) {
    const started = Date.now();
    await step.run(ctx);
    log(`  seeded ${step.name} (${Date.now() - started} ms)`);
  }
  return ctx;
}

/** The start script seeds only an empty database: one with no organisation at all. */
export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.organization.count()) === 0;
}

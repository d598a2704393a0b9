import { awardMissingSharePoints } from "@/lib/domains/recognition/award-missing-share-points";
import { ensureDefaultBadges } from "@/lib/domains/recognition/ensure-default-badges";
import type { SeedStep } from "./context";

/**
 * Step 5: recognition. The badges every organisation starts with, and the points and badges the
 * demo people earned: the rollups of the analytics step already wrote the visit and outcome points
 * (and the outcome badges: first outcome, talent scout); the seeded shares were written straight
 * into the database, so they get their share, own-words and variety points here, and their sharers
 * the badges those shares earn (full spectrum, four-week streak, own words).
 */
export const seedRecognition: SeedStep = {
  name: "recognition",
  async run(ctx) {
    await ensureDefaultBadges([ctx.org.id], ctx.db);
    await awardMissingSharePoints(ctx.org.id, ctx.db);
  },
};

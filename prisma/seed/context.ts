import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
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
  }[];
}

export interface SeedStep {
  name: string;
  run(ctx: SeedContext): Promise<void>;
}

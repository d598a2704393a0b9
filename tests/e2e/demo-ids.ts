/**
 * Records of the demo seed the suites walking the route inventory need to fill page patterns
 * (/studio/[id], /people/[handle], /p/[org]/[slug], a tracked link), read from the e2e database.
 */
import fs from "node:fs";
import pg from "pg";
import { DEMO_ORG_SLUG } from "../../lib/domains/demo/demo-accounts";
import { E2E } from "./e2e-config";

export interface DemoIds {
  orgSlug: string;
  /** The first team by name. */
  teamId: string;
  /** A post live for everyone inside its window: shareable by anyone, public at /p/<org>/<slug>. */
  itemId: string;
  itemSlug: string;
  /** The demo employee's handle. */
  handle: string;
  /** The newest share's tracked-link code. */
  shareCode: string;
  /** The seeded running campaign. */
  campaignId: string;
}

export function e2eDatabase(): pg.Client {
  return new pg.Client({ connectionString: fs.readFileSync(E2E.databaseUrlFile, "utf8") });
}

export async function readDemoIds(): Promise<DemoIds> {
  const client = e2eDatabase();
  await client.connect();
  try {
    const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => {
      const { rows } = await client.query(sql, params);
      if (!rows[0]) throw new Error(`No demo data for: ${sql}`);
      return rows[0] as T;
    };
    const org = await one<{ id: string }>(`SELECT id FROM "Organization" WHERE slug = $1`, [
      DEMO_ORG_SLUG,
    ]);
    const team = await one<{ id: string }>(
      `SELECT id FROM "Team" WHERE "orgId" = $1 ORDER BY name LIMIT 1`,
      [org.id],
    );
    const item = await one<{ id: string; slug: string }>(
      `SELECT id, slug FROM "ContentItem" WHERE "orgId" = $1 AND status = 'PUBLISHED'
         AND "audienceAll" AND "publishedAt" <= now()
         AND ("publishAt" IS NULL OR "publishAt" <= now())
         AND ("expireAt" IS NULL OR "expireAt" > now())
       ORDER BY "publishedAt" DESC LIMIT 1`,
      [org.id],
    );
    const member = await one<{ handle: string }>(
      `SELECT m.handle FROM "Membership" m JOIN "User" u ON u.id = m."userId"
       WHERE m."orgId" = $1 AND u.email = $2`,
      [org.id, "employee@fernhill.example"],
    );
    const share = await one<{ code: string }>(
      `SELECT code FROM "Share" WHERE "orgId" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
      [org.id],
    );
    const campaign = await one<{ id: string }>(
      `SELECT id FROM "Campaign" WHERE "orgId" = $1 ORDER BY "startsAt" LIMIT 1`,
      [org.id],
    );
    return {
      campaignId: campaign.id,
      orgSlug: DEMO_ORG_SLUG,
      teamId: team.id,
      itemId: item.id,
      itemSlug: item.slug,
      handle: member.handle,
      shareCode: share.code,
    };
  } finally {
    await client.end();
  }
}

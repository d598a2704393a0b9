import type pg from "pg";
import { isShareCode } from "@/lib/domains/tracking/share-code";
import { destinationTemplate } from "@/lib/domains/tracking/click-destination";
import type { LinkTarget } from "@/lib/domains/tracking/link-cache";

/**
 * What a tracked link leads to — the destination stored with the share, the organisation's
 * click-id parameter and time zone — or null for an unknown or malformed code (or a stored
 * destination that is not an http(s) URL). One indexed query (Share.code is unique).
 */
export async function resolveShareCode(
  client: Pick<pg.Pool, "query">,
  code: string,
): Promise<LinkTarget | null> {
  if (!isShareCode(code)) return null;
  const { rows } = await client.query<{
    shareId: string;
    orgId: string;
    destinationUrl: string;
    timeZone: string;
    clickIdParam: string | null;
  }>(
    `SELECT s."id" AS "shareId", s."orgId", s."destinationUrl", o."timeZone",
            os."clickIdParam"
     FROM "Share" s
     JOIN "Organization" o ON o."id" = s."orgId"
     LEFT JOIN "OrgSettings" os ON os."orgId" = s."orgId"
     WHERE s."code" = $1`,
    [code],
  );
  const row = rows[0];
  if (!row) return null;
  const clickIdParam = row.clickIdParam || "aid";
  const template = destinationTemplate(row.destinationUrl, clickIdParam);
  if (!template) return null;
  return {
    shareId: row.shareId,
    orgId: row.orgId,
    destinationUrl: row.destinationUrl,
    clickIdParam,
    timeZone: row.timeZone,
    template,
  };
}

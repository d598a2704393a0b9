import type { PrismaClient } from "@/lib/generated/prisma/client";
import { decryptSecret, encryptSecret, needsReencryption } from "@/lib/core/crypto/token-cipher";

export interface ReencryptReport {
  linkedInConnections: { checked: number; rewritten: number; failed: string[] };
  webhookEndpoints: { checked: number; rewritten: number; failed: string[] };
}

const rewrap = (stored: string) => encryptSecret(decryptSecret(stored));

/**
 * Key rotation, step 2: rewrites every stored secret that is not encrypted with the first key of
 * TOKEN_ENCRYPTION_KEYS (LinkedIn access/refresh tokens, webhook URLs). Each row is updated only if
 * it still holds the value that was read, so a concurrent reconnect is never overwritten. Rows that
 * cannot be decrypted (their key is gone) are reported by id and left alone.
 */
export async function reencryptStoredSecrets(
  db: PrismaClient,
  { batchSize = 200 }: { batchSize?: number } = {},
): Promise<ReencryptReport> {
  const report: ReencryptReport = {
    linkedInConnections: { checked: 0, rewritten: 0, failed: [] },
    webhookEndpoints: { checked: 0, rewritten: 0, failed: [] },
  };

  let cursor: string | undefined;
  for (;;) {
    const rows: { id: string; accessToken: string; refreshToken: string | null }[] =
      await db.linkedInConnection.findMany({
        select: { id: true, accessToken: true, refreshToken: true },
        orderBy: { id: "asc" },
        take: batchSize,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
    if (rows.length === 0) break;
    cursor = rows.at(-1)!.id;
    for (const row of rows) {
      report.linkedInConnections.checked++;
      const stale =
        needsReencryption(row.accessToken) ||
        (row.refreshToken !== null && needsReencryption(row.refreshToken));
      if (!stale) continue;
      try {
        const { count } = await db.linkedInConnection.updateMany({
          where: { id: row.id, accessToken: row.accessToken, refreshToken: row.refreshToken },
          data: {
            accessToken: rewrap(row.accessToken),
            refreshToken: row.refreshToken === null ? null : rewrap(row.refreshToken),
          },
        });
        report.linkedInConnections.rewritten += count;
      } catch (error) {
        report.linkedInConnections.failed.push(`${row.id}: ${(error as Error).message}`);
      }
    }
  }

  cursor = undefined;
  for (;;) {
    const rows: { id: string; url: string }[] = await db.webhookEndpoint.findMany({
      select: { id: true, url: true },
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) break;
    cursor = rows.at(-1)!.id;
    for (const row of rows) {
      report.webhookEndpoints.checked++;
      if (!needsReencryption(row.url)) continue;
      try {
        const { count } = await db.webhookEndpoint.updateMany({
          where: { id: row.id, url: row.url },
          data: { url: rewrap(row.url) },
        });
        report.webhookEndpoints.rewritten += count;
      } catch (error) {
        report.webhookEndpoints.failed.push(`${row.id}: ${(error as Error).message}`);
      }
    }
  }
  return report;
}

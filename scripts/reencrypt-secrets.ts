import type { PrismaClient } from "@/lib/generated/prisma/client";
import { decryptSecret, encryptSecret, needsReencryption } from "@/lib/core/crypto/token-cipher";

export interface TableReport {
  checked: number;
  rewritten: number;
  failed: string[];
}

export interface ReencryptReport {
  linkedInConnections: TableReport;
  webhookEndpoints: TableReport;
  connectorConnections: TableReport;
  developerWebhooks: TableReport;
}

const rewrap = (stored: string) => encryptSecret(decryptSecret(stored));
const rewrapNullable = (stored: string | null) => (stored === null ? null : rewrap(stored));
const stale = (...values: (string | null)[]) =>
  values.some((v) => v !== null && needsReencryption(v));

/**
 * Key rotation, step 2: rewrites every stored secret that is not encrypted with the first key of
 * TOKEN_ENCRYPTION_KEYS (LinkedIn access/refresh tokens, webhook URLs, connector tokens and
 * secrets, developer webhook URLs and signing secrets). Each row is updated only if it still
 * holds the value that was read, so a concurrent reconnect is never overwritten. Rows that cannot
 * be decrypted (their key is gone) are reported by id and left alone.
 */
export async function reencryptStoredSecrets(
  db: PrismaClient,
  { batchSize = 200 }: { batchSize?: number } = {},
): Promise<ReencryptReport> {
  const page = (cursor: string | undefined) => ({
    orderBy: { id: "asc" as const },
    take: batchSize,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  return {
    linkedInConnections: await rewrapTable(
      (cursor) =>
        db.linkedInConnection.findMany({
          select: { id: true, accessToken: true, refreshToken: true },
          ...page(cursor),
        }),
      (row) => stale(row.accessToken, row.refreshToken),
      async (row) =>
        (
          await db.linkedInConnection.updateMany({
            where: { id: row.id, accessToken: row.accessToken, refreshToken: row.refreshToken },
            data: {
              accessToken: rewrap(row.accessToken),
              refreshToken: rewrapNullable(row.refreshToken),
            },
          })
        ).count,
    ),
    webhookEndpoints: await rewrapTable(
      (cursor) => db.webhookEndpoint.findMany({ select: { id: true, url: true }, ...page(cursor) }),
      (row) => stale(row.url),
      async (row) =>
        (
          await db.webhookEndpoint.updateMany({
            where: { id: row.id, url: row.url },
            data: { url: rewrap(row.url) },
          })
        ).count,
    ),
    connectorConnections: await rewrapTable(
      (cursor) =>
        db.connectorConnection.findMany({ select: { id: true, secret: true }, ...page(cursor) }),
      (row) => stale(row.secret),
      async (row) =>
        (
          await db.connectorConnection.updateMany({
            where: { id: row.id, secret: row.secret },
            data: { secret: rewrap(row.secret) },
          })
        ).count,
    ),
    developerWebhooks: await rewrapTable(
      (cursor) =>
        db.developerWebhook.findMany({
          select: { id: true, url: true, secret: true },
          ...page(cursor),
        }),
      (row) => stale(row.url, row.secret),
      async (row) =>
        (
          await db.developerWebhook.updateMany({
            where: { id: row.id, url: row.url, secret: row.secret },
            data: { url: rewrap(row.url), secret: rewrap(row.secret) },
          })
        ).count,
    ),
  };
}

/** Every row of one table, page by page (by id): the stale ones rewritten, failures reported. */
async function rewrapTable<Row extends { id: string }>(
  readPage: (cursor: string | undefined) => Promise<Row[]>,
  isStale: (row: Row) => boolean,
  rewrite: (row: Row) => Promise<number>,
): Promise<TableReport> {
  const report: TableReport = { checked: 0, rewritten: 0, failed: [] };
  let cursor: string | undefined;
  for (;;) {
    const rows = await readPage(cursor);
    if (rows.length === 0) return report;
    cursor = rows.at(-1)!.id;
    for (const row of rows) {
      report.checked++;
      if (!isStale(row)) continue;
      try {
        report.rewritten += await rewrite(row);
      } catch (error) {
        report.failed.push(`${row.id}: ${(error as Error).message}`);
      }
    }
  }
}

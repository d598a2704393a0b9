import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/core/env";

function createClient(): PrismaClient {
  const { DATABASE_URL: connectionString, DATABASE_POOL_SIZE } = env();
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start` or `npm run dev`.");
  }
  const adapter = new PrismaPg({
    connectionString,
    max: DATABASE_POOL_SIZE,
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

const globalForPrisma = globalThis as unknown as { chorusPrisma?: PrismaClient };

/** One Prisma client per process (survives hot reload in development). Created on first use. */
export function getDb(): PrismaClient {
  globalForPrisma.chorusPrisma ??= createClient();
  return globalForPrisma.chorusPrisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb() as unknown as Record<PropertyKey, unknown>;
    const value = client[prop];
    return typeof value === "function"
      ? (value as (...a: unknown[]) => unknown).bind(client)
      : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.chorusPrisma?.$disconnect();
  globalForPrisma.chorusPrisma = undefined;
}

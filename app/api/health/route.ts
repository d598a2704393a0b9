import { publicRoute } from "@/lib/domains/access/route";
import { db } from "@/lib/core/db/client";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  await db.$queryRaw`SELECT 1`;
  return { status: "ok" };
});

import { db } from "@/lib/db/client";
import { isShareCode } from "@/lib/sharing/share-code";

/** The destination of a tracked link, or null for an unknown or malformed code. */
export async function resolveShareCode(code: string): Promise<string | null> {
  if (!isShareCode(code)) return null;
  const share = await db.share.findUnique({ where: { code }, select: { destinationUrl: true } });
  return share?.destinationUrl ?? null;
}

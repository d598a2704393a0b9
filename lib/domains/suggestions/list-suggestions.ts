import { db } from "@/lib/core/db/client";
import type { SuggestionStatus } from "@/lib/generated/prisma/enums";

const select = {
  id: true,
  title: true,
  body: true,
  linkUrl: true,
  valueType: true,
  status: true,
  rejectionReason: true,
  reviewedAt: true,
  itemId: true,
  createdAt: true,
  images: {
    orderBy: { position: "asc" as const },
    select: { id: true, storageKey: true, alt: true },
  },
  membership: { select: { id: true, title: true, user: { select: { name: true } } } },
};

function shape<
  T extends {
    images: { id: string; storageKey: string; alt: string }[];
    membership: { id: string; title: string | null; user: { name: string } };
  },
>(row: T) {
  const { images, membership, ...rest } = row;
  return {
    ...rest,
    images: images.map((i) => ({ id: i.id, url: `/api/files/${i.storageKey}`, alt: i.alt })),
    author: { membershipId: membership.id, name: membership.user.name, title: membership.title },
  };
}

/** The moderation queue (admins): pending first, oldest first, so nobody waits forever. */
export async function listSuggestions(orgId: string, status: SuggestionStatus = "PENDING") {
  const rows = await db.suggestion.findMany({
    where: { orgId, status },
    orderBy: { createdAt: status === "PENDING" ? "asc" : "desc" },
    take: 200,
    select,
  });
  return rows.map(shape);
}

/** A member's own suggestions and what became of them. */
export async function listMySuggestions(orgId: string, membershipId: string) {
  const rows = await db.suggestion.findMany({
    where: { orgId, membershipId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select,
  });
  return rows.map(shape);
}

import { db } from "@/lib/core/db/client";

/** How a member appears on a post: name, headline (their own, else their job title) and photo. */
export async function getMemberProfile(membershipId: string) {
  const membership = await db.membership.findUniqueOrThrow({
    where: { id: membershipId },
    select: { title: true, user: { select: { name: true, headline: true, image: true } } },
  });
  return {
    name: membership.user.name,
    headline: membership.user.headline ?? membership.title ?? null,
    image: membership.user.image,
  };
}

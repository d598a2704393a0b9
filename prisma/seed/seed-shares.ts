import { createId } from "@/lib/core/db/create-id";
import { env } from "@/lib/core/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ShareChannel, SocialNetwork } from "@/lib/generated/prisma/enums";
import { authenticityScore } from "@/lib/domains/sharing/authenticity";
import { publicItemUrl } from "@/lib/domains/sharing/create-share";
import { DEFAULT_UTM, mergeUtm, shareUtm } from "@/lib/domains/sharing/merge-utm";
import { newShareCode } from "@/lib/domains/tracking/share-code";
import { DEMO_ACCOUNTS } from "@/lib/domains/demo/demo-accounts";
import type { SeedContext, SeedItem, SeedStep } from "./context";

/** Things people add in their own words, so authenticity varies from "pasted" to "all mine". */
const OWN_WORDS = [
  "I worked on this for months, and seeing it live is a great feeling.",
  "Our team made this happen, and I am grateful to work with people like them.",
  "If you work anywhere near grid planning, this one is worth five minutes of your time.",
  "Honestly, this is why I joined Fernhill two years ago.",
  "Proud of this one.",
  "A small thing on paper, a big deal for the people who made it happen.",
  "We're hiring for my team too, so message me if this sounds like you.",
  "I learned more from this project than from any course I have taken.",
  "Still smiling about this.",
  "Three years ago this was a slide in a strategy deck. Today it's real.",
  "If you have questions about how we did it, ask me in the comments.",
  "My favourite part: the people who never give up on the hard problems.",
];

/** Shares by position modulo 16 that went elsewhere than LinkedIn (the rest: LinkedIn). */
const OTHER_NETWORKS: Partial<Record<number, SocialNetwork>> = {
  1: "X",
  5: "WHATSAPP",
  9: "X",
  12: "FACEBOOK",
  14: "XING",
};

const ADVOCACY_LEVEL = [0, 0, 1, 1, 2, 3, 3, 4, 6, 9, 12, 16]; // shares per member over 90 days

function appBase(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}

function canSee(item: SeedItem, member: SeedContext["members"][number]): boolean {
  return (
    item.audienceAll ||
    item.audienceTeamIds.some((t) => member.teamIds.includes(t)) ||
    (member.locationId !== null && item.audienceLocationIds.includes(member.locationId))
  );
}

/** Step 3: ~90 days of shares by many demo employees, with varied authenticity and channels. */
export const seedShares: SeedStep = {
  name: "shares",
  async run(ctx) {
    const { db, random, now } = ctx;
    const base = appBase();
    const live = ctx.items.filter(
      (i) =>
        i.status !== "DRAFT" && i.status !== "IN_REVIEW" && i.visibleFrom && i.visibleFrom < now,
    );
    const captions = await db.contentCaption.findMany({
      where: { orgId: ctx.org.id, itemId: { in: live.map((i) => i.id) } },
      select: { itemId: true, language: true, text: true },
    });
    const bodies = new Map(
      (
        await db.contentItem.findMany({
          where: { id: { in: live.map((i) => i.id) } },
          select: { id: true, body: true },
        })
      ).map((i) => [i.id, i.body]),
    );
    const demoEmployee = DEMO_ACCOUNTS.find((a) => a.role === "EMPLOYEE")!.email;
    const perDay = new Map<string, number>();
    const data: Prisma.ShareCreateManyInput[] = [];

    for (const member of ctx.members) {
      const level = member.email === demoEmployee ? 5 : random.pick(ADVOCACY_LEVEL);
      const candidates = live.filter((i) => canSee(i, member));
      for (let n = 0; n < level && candidates.length; n++) {
        const item = random.pick(candidates);
        const from = item.visibleFrom!.getTime();
        const until = Math.min(item.visibleUntil?.getTime() ?? now.getTime(), now.getTime());
        if (until <= from) continue;
        // Most shares come in the first days after publishing.
        const createdAt = new Date(
          Math.min(until - 60_000, from + Math.pow(random.next(), 2.5) * (until - from)),
        );
        const dayKey = `${member.membershipId}:${createdAt.toISOString().slice(0, 10)}`;
        if ((perDay.get(dayKey) ?? 0) >= (ctx.settings.maxSharesPerDay ?? 5)) continue;
        perDay.set(dayKey, (perDay.get(dayKey) ?? 0) + 1);

        const itemCaptions = captions.filter(
          (c) => c.itemId === item.id && c.language === item.language,
        );
        const body = bodies.get(item.id)!;
        const start =
          random.chance(0.15) || itemCaptions.length === 0 ? null : random.pick(itemCaptions);
        const own = random.pick(OWN_WORDS);
        const roll = random.next();
        const text = !start
          ? random.chance(0.5)
            ? `${own} ${random.pick(OWN_WORDS)}`
            : `${body.split("\n")[0]}\n\n${own}`
          : roll < 0.3
            ? start.text
            : roll < 0.75
              ? `${own}\n\n${start.text}`
              : `${start.text}\n\n${own} ${random.pick(OWN_WORDS)}`;
        const code = newShareCode();
        const target = item.linkUrl ?? publicItemUrl(base, ctx.org.slug, item.slug);
        const linkedinChannel: ShareChannel = random.chance(0.6) ? "LINKEDIN_DIALOG" : "COPY";
        // About one share in four goes to another network (by position, not by a random draw: the
        // rest of the demo stays the same), so "Clicks by network" has something to show.
        const network = OTHER_NETWORKS[data.length % 16] ?? "LINKEDIN";
        const channel: ShareChannel = network === "LINKEDIN" ? linkedinChannel : "INTENT";
        const authenticity = authenticityScore(text, [body, ...itemCaptions.map((c) => c.text)]);
        data.push({
          id: createId("shr"),
          orgId: ctx.org.id,
          itemId: item.id,
          membershipId: member.membershipId,
          userId: member.userId,
          code,
          channel,
          network,
          status: "SHARED",
          text,
          language: item.language,
          startedFrom: start ? "caption" : null,
          authenticity,
          destinationUrl: mergeUtm(target, shareUtm(DEFAULT_UTM, item.slug, code, network)),
          createdAt,
          updatedAt: createdAt,
        });
      }
    }
    await db.share.createMany({ data });
    ctx.shares = data.map((s) => ({
      id: s.id,
      code: s.code,
      itemId: s.itemId,
      membershipId: s.membershipId,
      createdAt: s.createdAt as Date,
      authenticity: s.authenticity,
    }));
  },
};

import { createId } from "@/lib/core/db/create-id";
import type { SeedContext, SeedStep } from "./context";

/** The demo's topics and the words in an item's title that put it under each. */
export const DEMO_TOPICS: { name: string; match: RegExp }[] = [
  {
    name: "Renewables",
    match: /solar|renewables|heat pump|virtual power plant|1 GW|electrolys|Eurovision/i,
  },
  {
    name: "Grid & flexibility",
    match: /grid|flexib|substation|balancing|Flex 3\.0|virtual power plant|Netzlast/i,
  },
  {
    name: "Careers",
    match: /hiring|mentoring|certified|zertifiziert|Auszubildenden|got started|joined|open house/i,
  },
  { name: "Engineering", match: /engineer|forecast|hackathon|Flex 3\.0|Netzlast|incident/i },
  {
    name: "Life at Fernhill",
    match: /workcation|Lisbon|Stockholm|Kochabend|Gridley|pastel|volunteering|headphones|founder/i,
  },
];

/** What each team follows; the demo employee (Sofia, Engineering) follows Renewables too. */
const TEAM_TOPICS: Record<string, string[]> = {
  "Marketing & Communications": ["Renewables", "Life at Fernhill"],
  Engineering: ["Engineering", "Grid & flexibility"],
  Sales: ["Grid & flexibility", "Renewables"],
  "People & Culture": ["Careers", "Life at Fernhill"],
};

/**
 * Topics, the library tagged with them, and people following them (by team, a few skipping), so
 * the feed shows "You follow …". Everyone in the demo has answered the first sign-in question.
 */
export const seedTopics: SeedStep = {
  name: "topics and follows",
  async run(ctx: SeedContext) {
    const { db, org } = ctx;
    const topics = DEMO_TOPICS.map((t) => ({ ...t, id: createId("top") }));
    await db.topic.createMany({
      data: topics.map(({ id, name }) => ({ id, orgId: org.id, name })),
    });
    await db.contentTopic.createMany({
      data: ctx.items.flatMap((item) =>
        topics
          .filter((t) => t.match.test(item.title))
          .map((t) => ({ orgId: org.id, itemId: item.id, topicId: t.id })),
      ),
    });
    const byName = new Map(topics.map((t) => [t.name, t.id]));
    const teamName = new Map(ctx.teams.map((t) => [t.id, t.name]));
    const follows = ctx.members.flatMap((m, index) => {
      if (m.role === "ADMIN" || index % 5 === 4) return []; // some people skipped the question
      const names = new Set(m.teamIds.flatMap((id) => TEAM_TOPICS[teamName.get(id) ?? ""] ?? []));
      if (m.email === "employee@fernhill.example") names.add("Renewables");
      return [...names].map((name) => ({
        orgId: org.id,
        membershipId: m.membershipId,
        topicId: byName.get(name)!,
      }));
    });
    await db.topicFollow.createMany({ data: follows });
    // Every demo member has answered the first-visit questions: topics, and push (asked once
    // after a first share; the seeded people have shared), so no panel or banner stands in the way.
    await db.membership.updateMany({
      where: { orgId: org.id },
      data: { onboardedAt: ctx.now, pushPromptedAt: ctx.now },
    });
  },
};

import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { createTopicSchema } from "@/lib/domains/topics/topic-schemas";
import { createTopic } from "@/lib/domains/topics/save-topic";
import { listTopics } from "@/lib/domains/topics/list-topics";

export const GET = orgRoute("feed:read", async ({ access }) => ({
  topics: await listTopics(access.orgId),
}));

export const POST = orgRoute("content:manage", async ({ req, access }) => {
  const input = await parseJsonBody(req, createTopicSchema);
  return Response.json({ topic: await createTopic(access, input) }, { status: 201 });
});

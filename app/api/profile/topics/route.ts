import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { followTopicsSchema } from "@/lib/domains/topics/topic-schemas";
import { listFollowedTopics, setFollowedTopics } from "@/lib/domains/topics/follow-topics";

export const GET = orgRoute("profile:update", async ({ access }) => ({
  topics: await listFollowedTopics(access),
}));

/** Replaces the topics the member follows (and answers the first sign-in question). */
export const PUT = orgRoute("profile:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, followTopicsSchema);
  return setFollowedTopics(access, input.topicIds);
});

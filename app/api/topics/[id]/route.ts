import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { updateTopicSchema } from "@/lib/domains/topics/topic-schemas";
import { deleteTopic, renameTopic } from "@/lib/domains/topics/save-topic";

export const PATCH = orgRoute("content:manage", async ({ req, access, params }) => {
  const input = await parseJsonBody(req, updateTopicSchema);
  return { topic: await renameTopic(access, String(params.id), input) };
});

export const DELETE = orgRoute("content:manage", async ({ access, params }) =>
  deleteTopic(access, String(params.id)),
);

import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { updateSourceSchema } from "@/lib/domains/sources/source-schemas";
import { deleteSource, updateSource } from "@/lib/domains/sources/save-source";

export const PATCH = orgRoute("content:manage", async ({ req, access, params }) => {
  const input = await parseJsonBody(req, updateSourceSchema);
  return { source: await updateSource(access, String(params.id), input) };
});

export const DELETE = orgRoute("content:manage", async ({ access, params }) =>
  deleteSource(access, String(params.id)),
);

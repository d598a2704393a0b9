import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { createSourceSchema } from "@/lib/domains/sources/source-schemas";
import { createSource } from "@/lib/domains/sources/save-source";
import { listSources } from "@/lib/domains/sources/list-sources";

export const GET = orgRoute("content:manage", async ({ access }) => ({
  sources: await listSources(access.orgId),
}));

export const POST = orgRoute("content:manage", async ({ req, access }) => {
  const input = await parseJsonBody(req, createSourceSchema);
  return Response.json({ source: await createSource(access, input) }, { status: 201 });
});

import { orgRoute } from "@/lib/domains/access/route";
import { draftSourceEntry } from "@/lib/domains/sources/draft-source-entry";

export const POST = orgRoute("content:manage", async ({ access, params }) =>
  Response.json({ item: await draftSourceEntry(access, String(params.id)) }, { status: 201 }),
);

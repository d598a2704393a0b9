import { orgRoute } from "@/lib/domains/access/route";
import { dismissSourceEntry } from "@/lib/domains/sources/draft-source-entry";

export const POST = orgRoute("content:manage", async ({ access, params }) =>
  dismissSourceEntry(access, String(params.id)),
);

import { z } from "zod";
import { orgRoute } from "@/lib/domains/access/route";
import { parseQuery } from "@/lib/core/http/parse-body";
import { getLibraryMix } from "@/lib/domains/content/get-library-mix";

const query = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });

export const GET = orgRoute("content:manage", async ({ req, access }) =>
  getLibraryMix(access.orgId, parseQuery(req, query).days),
);

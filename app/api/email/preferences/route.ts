import { z } from "zod";
import { orgRoute } from "@/lib/domains/access/route";
import { OPTIONAL_EMAIL_CATEGORIES } from "@/lib/domains/email/categories";
import { getEmailOptOuts, setEmailOptOuts } from "@/lib/domains/email/email-preferences";
import { parseJsonBody } from "@/lib/core/http/parse-body";

const preferencesSchema = z
  .object({
    optOuts: z
      .array(
        z.enum(OPTIONAL_EMAIL_CATEGORIES, {
          error: `optOuts: each entry must be one of ${OPTIONAL_EMAIL_CATEGORIES.join(", ")}.`,
        }),
      )
      .max(OPTIONAL_EMAIL_CATEGORIES.length),
  })
  .strict();

/** The signed-in person's email opt-outs (their own only). */
export const GET = orgRoute("profile:update", async ({ access }) => ({
  optOuts: await getEmailOptOuts(access.userId),
}));

export const PUT = orgRoute("profile:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, preferencesSchema);
  return { optOuts: await setEmailOptOuts(access.userId, input.optOuts) };
});

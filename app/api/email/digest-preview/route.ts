import { z } from "zod";
import { orgRoute } from "@/lib/domains/access/route";
import { buildDigest } from "@/lib/domains/digests/build-digest";
import { digestEmail } from "@/lib/integrations/email/templates/digest";
import { notFound } from "@/lib/core/errors/app-error";
import { parseQuery } from "@/lib/core/http/parse-body";
import { idField } from "@/lib/core/validation";

const previewQuery = z.object({
  membershipId: idField.optional(),
  format: z
    .enum(["json", "text", "html"], { error: "format must be json, text or html." })
    .optional(),
});

/**
 * Admins: the weekly digest a member would receive now (default: their own), without sending it.
 * `format=text` or `html` answers the email part itself; json (default) the data and both parts.
 * Another organisation's membership id answers 404.
 */
export const GET = orgRoute("org:update", async ({ req, access }) => {
  const query = parseQuery(req, previewQuery);
  const digest = await buildDigest(access.orgId, query.membershipId ?? access.membershipId);
  if (!digest) throw notFound("Member");
  const email = digestEmail(digest);
  if (query.format === "text") {
    return new Response(`Subject: ${email.subject}\n\n${email.text}`, {
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (query.format === "html") {
    return new Response(email.html, {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src *",
      },
    });
  }
  return { digest, email };
});

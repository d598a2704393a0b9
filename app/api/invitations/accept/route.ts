import { z } from "zod";
import { userRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { clientIp } from "@/lib/core/http/client-ip";
import { enforceRateLimit } from "@/lib/core/rate-limit/consume-rate-limit";
import { acceptInvitation } from "@/lib/domains/invitations/accept-invitation";

const schema = z.object({ token: z.string().trim().min(1).max(128) }).strict();

export const POST = userRoute(async ({ req, userId }) => {
  await enforceRateLimit(
    { key: `invite-accept:${clientIp(req.headers)}`, limit: 30, windowSeconds: 15 * 60 },
    "invitation attempts",
  );
  const { token } = await parseJsonBody(req, schema);
  return { membership: await acceptInvitation(userId, token) };
});

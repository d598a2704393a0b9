import { orgRoute } from "@/lib/domains/access/route";
import { cancelShareReminder } from "@/lib/domains/sharing/reminders/cancel-share-reminder";

/** DELETE /api/reminders/:id — cancel one of my reminders. */
export const DELETE = orgRoute("shares:create", async ({ params, access }) => ({
  reminder: await cancelShareReminder(access, String(params.id)),
}));

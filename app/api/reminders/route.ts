import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { shortLinkBase } from "@/lib/core/http/app-url";
import {
  createReminderSchema,
  createShareReminder,
} from "@/lib/domains/sharing/reminders/create-share-reminder";
import { listMyReminders } from "@/lib/domains/sharing/reminders/list-my-reminders";

/** GET /api/reminders — my open share-later reminders. */
export const GET = orgRoute("shares:create", async ({ access }) => ({
  reminders: await listMyReminders(access),
}));

/** POST /api/reminders — "Remind me later" with the prepared post. */
export const POST = orgRoute("shares:create", async ({ req, access }) => {
  const input = await parseJsonBody(req, createReminderSchema);
  const reminder = await createShareReminder(access, input, { shortLinkBase: shortLinkBase(req) });
  return Response.json({ reminder }, { status: 201 });
});

import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import {
  getProfile,
  updateProfile,
  updateProfileSchema,
} from "@/lib/domains/people/update-profile";

export const GET = orgRoute("profile:update", async ({ access }) => ({
  profile: await getProfile(access),
}));

export const PATCH = orgRoute("profile:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, updateProfileSchema);
  return { profile: await updateProfile(access, input) };
});

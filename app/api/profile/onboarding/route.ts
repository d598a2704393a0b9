import { orgRoute } from "@/lib/domains/access/route";
import { completeOnboarding } from "@/lib/domains/topics/complete-onboarding";

/** Skips (or dismisses) the first sign-in question; it is not asked again. */
export const POST = orgRoute("profile:update", async ({ access }) => completeOnboarding(access));

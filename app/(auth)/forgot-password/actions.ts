"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { formAction, type ActionState } from "@/lib/domains/access/action";
import { requestPasswordReset } from "@/lib/domains/auth/password-reset/request-password-reset";
import { clientIp } from "@/lib/core/http/client-ip";
import { emailField } from "@/lib/core/validation";

const requestSchema = z.object({ email: emailField });

/** "Forgot password?": always the same neutral answer (see requestPasswordReset). */
export const requestPasswordResetAction = formAction(
  requestSchema,
  async (input): Promise<ActionState> => {
    const message = await requestPasswordReset({
      email: input.email,
      ip: clientIp(await headers()),
    });
    return { status: "ok", message };
  },
);

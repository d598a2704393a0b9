import { unstable_rethrow } from "next/navigation";
import { ZodError, type z } from "zod";
import { AppError } from "@/lib/core/errors/app-error";
import { zodFieldErrors, zodMessage } from "@/lib/core/http/zod-messages";
import { DATABASE_INPUT_MESSAGE, databaseInputProblem } from "@/lib/core/http/database-input-error";
import { assertStorableText } from "@/lib/core/http/storable-text";

import type { ActionState } from "@/lib/domains/access/action-state";

export type { ActionState } from "@/lib/domains/access/action-state";

/**
 * Wrapper for server actions that take a form: validates with zod and turns expected errors into
 * a state the form shows. Redirects (NEXT_REDIRECT) pass through; unexpected errors are logged and
 * shown as a generic message. Actions that need a signed-in member call `requireMembership` inside.
 */
export function formAction<S extends z.ZodType>(
  schema: S,
  run: (input: z.infer<S>) => Promise<ActionState | void>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    try {
      const fields = Object.fromEntries(formData);
      assertStorableText(fields);
      const input = schema.parse(fields);
      return (await run(input)) ?? { status: "ok" };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ZodError) {
        return { status: "error", message: zodMessage(error), fields: zodFieldErrors(error) };
      }
      if (error instanceof AppError) {
        return { status: "error", message: error.message, fields: error.fields };
      }
      const refused = databaseInputProblem(error);
      if (refused) {
        console.warn(`Input the database refused (a validator missed it): ${refused}`);
        return { status: "error", message: DATABASE_INPUT_MESSAGE };
      }
      console.error("Unexpected error in server action", error);
      return { status: "error", message: "Something went wrong on our side. Please try again." };
    }
  };
}

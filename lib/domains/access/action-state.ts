export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message?: string }
  | { status: "error"; message: string; fields?: Record<string, string> };

export const idle: ActionState = { status: "idle" };

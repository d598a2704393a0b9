import { env } from "@/lib/core/env";

export interface AiConfig {
  /** e.g. https://api.openai.com/v1 — requests go to `${baseUrl}/chat/completions`. */
  baseUrl: string;
  apiKey: string | null;
  model: string;
  timeoutMs: number;
}

/**
 * The AI service this server is configured for, or null: then there is no AI anywhere in the app
 * (no buttons, and the AI routes answer 404). Only the server chooses the endpoint and the model.
 */
export function aiConfig(): AiConfig | null {
  const { AI_BASE_URL, AI_API_KEY, AI_MODEL, AI_TIMEOUT_SECONDS } = env();
  if (!AI_BASE_URL || !AI_MODEL) return null;
  return {
    baseUrl: AI_BASE_URL,
    apiKey: AI_API_KEY ?? null,
    model: AI_MODEL,
    timeoutMs: AI_TIMEOUT_SECONDS * 1000,
  };
}

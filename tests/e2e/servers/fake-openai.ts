/**
 * The fake AI service as a standalone process (Playwright webServer): an OpenAI-compatible
 * chat-completions server on E2E_AI_PORT with the key E2E_AI_KEY. Browser tests steer it through
 * /__fake/next and read what it received from /__fake/requests.
 */
import { startFakeOpenAi } from "../../support/fake-openai";

const fake = await startFakeOpenAi({
  port: Number(process.env.E2E_AI_PORT ?? 3120),
  apiKey: process.env.E2E_AI_KEY ?? null,
  control: true,
});
console.log(`[fake-openai] listening on ${fake.url}`);

const stop = () => {
  void fake.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

/**
 * The load generator's child process (bench/load.ts): runs one autocannon load per IPC message and
 * answers with its figures. Nothing else runs here, so the process has a core to itself.
 */
import fs from "node:fs";
import autocannon from "autocannon";
import { BOT_UA, HUMAN_UAS, visitorAddress, type LoadConfig, type LoadResult } from "./load";

async function runLoad(config: LoadConfig): Promise<LoadResult> {
  let seq = 0;
  const tags: string[] = [];
  let redirects = 0;
  let botRedirects = 0;
  let other = 0;
  type Ctx = { tag?: string; bot?: boolean };
  const result = await autocannon({
    url: config.url,
    connections: config.connections,
    duration: config.duration,
    requests: [
      {
        setupRequest: (req, context) => {
          const n = seq++;
          const ctx = context as Ctx;
          ctx.bot = n % 10 === 0;
          ctx.tag = `${config.run}-${n}.bench.example`;
          return {
            ...req,
            method: "GET",
            path: config.paths[n % config.paths.length]!,
            headers: {
              "user-agent": ctx.bot ? BOT_UA : HUMAN_UAS[n % HUMAN_UAS.length]!,
              "x-forwarded-for": visitorAddress(config.runIndex, n),
              referer: `https://${ctx.tag}/post`,
            },
          };
        },
        onResponse: (status, _body, context) => {
          const ctx = context as Ctx;
          if (status === 302) {
            redirects++;
            if (ctx.bot) botRedirects++;
            if (config.tagsFile) tags.push(`${ctx.tag} ${ctx.bot ? 1 : 0}`);
          } else {
            other++;
          }
        },
      },
    ],
  });
  if (config.tagsFile) fs.writeFileSync(config.tagsFile, tags.join("\n"));
  const seconds = result.duration;
  return {
    requestsPerSecond: result.requests.total / seconds,
    requests: result.requests.total,
    seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    redirects,
    botRedirects,
    other,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

process.on("message", (message) => {
  runLoad(message as LoadConfig).then(
    (result) => process.send!({ result }),
    (error: unknown) =>
      process.send!({ error: error instanceof Error ? error.stack : String(error) }),
  );
});
process.on("SIGTERM", () => process.exit(0));
process.send!({ ready: true });

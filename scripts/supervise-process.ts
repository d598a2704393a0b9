import { spawn, type ChildProcess } from "node:child_process";

export interface SupervisedProcess {
  /** Ends the process (the signal, SIGTERM by default) and resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** The running process's pid (null between a crash and its restart). */
  pid(): number | null;
  /** How many times it was started again after exiting on its own. */
  restarts(): number;
}

/**
 * Runs a Node process (`npm start`'s job worker) and starts it again whenever it exits on its own
 * (a crash, an out-of-memory kill): after `initialDelayMs`, doubling up to `maxDelayMs` while it
 * keeps failing within `stableMs` of starting, back to the initial delay once it ran that long.
 */
export function superviseProcess({
  args,
  cwd,
  env,
  name,
  log,
  initialDelayMs = 1000,
  maxDelayMs = 30_000,
  stableMs = 60_000,
  stdio = "inherit",
  killAfterMs = 30_000,
}: {
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  name: string;
  log: (line: string) => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  stableMs?: number;
  stdio?: "inherit" | "ignore";
  /** After stop()'s signal, SIGKILL once this long has passed (a worker stuck on shutdown). */
  killAfterMs?: number;
}): SupervisedProcess {
  let current: ChildProcess | null = null;
  let stopped = false;
  let delayMs = 0;
  let restarts = 0;
  let exited: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    const startedAt = Date.now();
    const proc = spawn(process.execPath, args, { cwd, stdio, env });
    current = proc;
    // A failed spawn (no such executable, too many processes) ends as an exit below.
    proc.on("error", (error) => log(`${name} could not run: ${error.message}`));
    exited = new Promise((resolve) =>
      proc.once("exit", (code, signal) => {
        current = null;
        resolve();
        if (stopped) return;
        delayMs =
          Date.now() - startedAt >= stableMs || delayMs === 0
            ? initialDelayMs
            : Math.min(delayMs * 2, maxDelayMs);
        log(`${name} exited (${signal ?? code}); starting it again in ${delayMs / 1000} s`);
        timer = setTimeout(() => {
          if (stopped) return;
          restarts++;
          run();
        }, delayMs);
      }),
    );
  };
  run();
  return {
    stop(signal: NodeJS.Signals = "SIGTERM") {
      stopped = true;
      clearTimeout(timer);
      const proc = current;
      proc?.kill(signal);
      if (!proc) return exited;
      const kill = setTimeout(() => {
        log(`${name} did not stop within ${killAfterMs / 1000} s: killed`);
        proc.kill("SIGKILL");
      }, killAfterMs);
      return exited.finally(() => clearTimeout(kill));
    },
    pid: () => current?.pid ?? null,
    restarts: () => restarts,
  };
}

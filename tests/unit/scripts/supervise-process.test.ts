import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { superviseProcess, type SupervisedProcess } from "@/scripts/supervise-process";

const running: SupervisedProcess[] = [];
afterEach(async () => {
  for (const p of running.splice(0)) await p.stop("SIGKILL");
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, timeoutMs = 50_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

function supervise(script: string, lines: string[], options: { stableMs?: number } = {}) {
  const p = superviseProcess({
    args: ["-e", script],
    cwd: os.tmpdir(),
    env: process.env,
    name: "the test worker",
    log: (line) => lines.push(line),
    initialDelayMs: 50,
    maxDelayMs: 400,
    stdio: "ignore",
    ...options,
  });
  running.push(p);
  return p;
}

// Each test starts real Node processes: at load 15+ five starts took longer than the default
// 5 s test timeout (failed once in a full unit run beside an e2e build).
describe("superviseProcess (npm start's job worker)", { timeout: 60_000 }, () => {
  it("starts a crashed process again, backing off while it keeps crashing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-supervise-"));
    const starts = path.join(dir, "starts");
    const lines: string[] = [];
    // Each start leaves a line, then the process crashes at once.
    const p = supervise(
      `require("fs").appendFileSync(${JSON.stringify(starts)}, "x\\n"); process.exit(3)`,
      lines,
    );
    const count = () => (fs.existsSync(starts) ? fs.readFileSync(starts, "utf8").length / 2 : 0);
    await until(() => count() >= 5 && lines.length >= 5);
    await p.stop();
    expect(p.restarts()).toBeGreaterThanOrEqual(4);
    const delays = lines.map((l) => Number(/again in ([\d.]+) s/.exec(l)?.[1]));
    expect(lines[0]).toBe("the test worker exited (3); starting it again in 0.05 s");
    expect(delays.slice(0, 4)).toEqual([0.05, 0.1, 0.2, 0.4]);
    expect(delays[4] ?? 0.4).toBe(0.4); // capped at maxDelayMs
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("stop() ends a running process and starts nothing again", async () => {
    const lines: string[] = [];
    const p = supervise(`setInterval(() => {}, 1000)`, lines);
    await until(() => p.pid() !== null);
    const pid = p.pid()!;
    expect(alive(pid)).toBe(true);
    await p.stop();
    expect(alive(pid)).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(p.pid()).toBeNull();
    expect(p.restarts()).toBe(0);
    expect(lines).toEqual([]);
  });

  it("a process killed from outside is started again with a new pid", async () => {
    const lines: string[] = [];
    const p = supervise(`setInterval(() => {}, 1000)`, lines);
    await until(() => p.pid() !== null);
    const first = p.pid()!;
    process.kill(first, "SIGKILL");
    await until(() => p.pid() !== null && p.pid() !== first);
    expect(lines).toEqual(["the test worker exited (SIGKILL); starting it again in 0.05 s"]);
    expect(alive(p.pid()!)).toBe(true);
  });
});

describe("superviseProcess stop()", { timeout: 60_000 }, () => {
  it("kills a process that ignores the stop signal once killAfterMs has passed", async () => {
    const lines: string[] = [];
    // The child says when its SIGTERM handler is installed (a fixed wait was too short for a
    // node start on a loaded machine: SIGTERM then killed it at once).
    const ready = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chorus-stuck-")), "ready");
    const p = superviseProcess({
      args: [
        "-e",
        `process.on("SIGTERM", () => {}); require("node:fs").writeFileSync(${JSON.stringify(ready)}, "1"); setInterval(() => {}, 1000)`,
      ],
      cwd: os.tmpdir(),
      env: process.env,
      name: "the stuck worker",
      log: (line) => lines.push(line),
      stdio: "ignore",
      killAfterMs: 300,
    });
    running.push(p);
    await until(() => p.pid() !== null && fs.existsSync(ready), 30_000);
    const pid = p.pid()!;
    const started = Date.now();
    await p.stop();
    expect(alive(pid)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(lines).toEqual(["the stuck worker did not stop within 0.3 s: killed"]);
    fs.rmSync(path.dirname(ready), { recursive: true, force: true });
  });
});

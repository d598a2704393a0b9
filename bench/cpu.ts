/**
 * CPU time, for ratios that a loaded machine does not bend.
 *
 * Wall time on a shared 2-core machine is mostly waiting: at load average 12 every round trip
 * waits for a core, so a function of ten statements slows far more than a one-statement baseline
 * and a wall-time ratio swings with the load (and shrinks towards 1, hiding a regression). The CPU
 * time a piece of work takes — in this process and in the PostgreSQL backends (and app server)
 * that serve it — hardly depends on how long it waited. Read from /proc/<pid>/schedstat (time on
 * a CPU, in nanoseconds; Linux) and process.cpuUsage(); PostgreSQL must run on this machine (its
 * backends are found in pg_stat_activity). `available()` says whether it can be measured here.
 */
import fs from "node:fs";
import v8 from "node:v8";
import vm from "node:vm";
import type pg from "pg";

let gcFunction: ((options?: { type?: "minor" | "major" }) => void) | null = null;

/**
 * Collects this process's young garbage now (a minor GC), so that it is not collected during — and
 * counted in — the next measured call: without it, the garbage a heavy call leaves (the
 * breakdowns') was collected during the light call measured after it, whose CPU time then swung 2×.
 */
export function collectGarbage(): void {
  if (!gcFunction) {
    v8.setFlagsFromString("--expose-gc");
    gcFunction = vm.runInNewContext("gc") as typeof gcFunction;
  }
  gcFunction!({ type: "minor" });
}

/**
 * Nanoseconds on a CPU of one process — all its threads (Node's GC and libuv threads too) — or
 * null when it cannot be read (gone, or no schedstat here).
 */
export function processCpuNs(pid: number): number | null {
  try {
    let total = 0;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        const ns = Number(
          fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0],
        );
        if (Number.isFinite(ns)) total += ns;
      } catch {
        // a thread that ended meanwhile
      }
    }
    return total;
  } catch {
    return null;
  }
}

/** Child processes of `pid` (scanning /proc). */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid …: comm may contain spaces, so split after its closing parenthesis.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/**
 * The client backends of the database `client` is connected to: the connections that serve
 * queries (not autovacuum workers, whose work on the freshly loaded tables would count for
 * whichever call it overlapped).
 */
export async function backendPids(client: pg.Client): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND backend_type = 'client backend'`,
  );
  return rows.map((r) => r.pid);
}

/**
 * A CPU meter over this process and a set of other processes: `read()` returns a snapshot, and
 * `since(snapshot)` the nanoseconds used since then by the processes present both times.
 */
export class CpuMeter {
  constructor(private pids: number[]) {}

  setPids(pids: number[]): void {
    this.pids = pids;
  }

  /** CPU time so far of the others, then of this process (last: reading is not counted). */
  read(): Map<number, number> {
    const snapshot = new Map<number, number>();
    for (const pid of this.pids) {
      const ns = processCpuNs(pid);
      if (ns !== null) snapshot.set(pid, ns);
    }
    snapshot.set(process.pid, processCpuNs(process.pid) ?? 0);
    return snapshot;
  }

  /** Nanoseconds used since `before` (this process read first, so reading is not counted). */
  since(before: Map<number, number>): number {
    const now = new Map<number, number>([[process.pid, processCpuNs(process.pid) ?? 0]]);
    for (const pid of this.pids) {
      const ns = processCpuNs(pid);
      if (ns !== null) now.set(pid, ns);
    }
    let ns = 0;
    for (const [pid, was] of before) {
      const is = now.get(pid);
      if (is !== undefined) ns += is - was;
    }
    return ns;
  }

  /** Whether CPU time can be read here (Linux /proc with schedstat). */
  static available(): boolean {
    return (processCpuNs(process.pid) ?? 0) > 0;
  }
}

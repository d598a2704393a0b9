/**
 * Embedded PostgreSQL for development, tests and laptops without a database server.
 *
 * PGlite (Postgres 17 compiled to wasm) runs in this process and is served on a local TCP port with
 * the PostgreSQL wire protocol, so `pg`, `@prisma/adapter-pg`, psql and the migration tool all reach
 * it with an ordinary `postgresql://` URL.
 *
 * PGlite has exactly one backend session. Several client connections therefore share that one
 * session, and this server multiplexes them safely:
 *  - messages are framed per connection and run in whole batches (up to a Sync or a simple Query),
 *    so one client's extended-protocol messages (Parse/Bind/Execute/Sync) are never interleaved with
 *    another client's. (`@electric-sql/pglite-socket` 0.1.6 runs each message separately and does
 *    interleave them when a batch spans TCP packets: wrong results, seen with 200 KB parameters.)
 *  - a connection that leaves the session inside a transaction (ReadyForQuery status T or E), in a
 *    COPY, or in the middle of an extended-protocol batch (Flush) keeps exclusive use of the session
 *    until it is idle again; the other connections wait their turn (FIFO).
 *  - a client that disconnects mid-transaction is rolled back.
 * Consequences of the single session: transactions are serialised (no concurrency between them),
 * and session state (SET, named prepared statements, LISTEN) is shared by all connections.
 *
 * The database name in the URL is ignored: one data directory is one database.
 *
 * Only one process may open a data directory. The serving process writes `<dataDir>.server.json`
 * (pid, port) next to the directory; `connectOrStartEmbedded()` reuses that server when its pid is
 * alive and its port answers, and starts one otherwise.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

export interface EmbeddedPostgresOptions {
  /** A directory (created if missing) or "memory://" for a throw-away in-memory database. */
  dataDir: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Log protocol-level problems to stderr. */
  debug?: boolean;
}

export interface EmbeddedPostgres {
  /** postgresql://postgres:postgres@127.0.0.1:PORT/postgres */
  url: string;
  host: string;
  port: number;
  /** Absolute data directory, or "memory://". */
  dataDir: string;
  /** Close client connections, close PGlite (flushing data to disk) and remove the server file. */
  stop(): Promise<void>;
}

export interface EmbeddedConnection extends EmbeddedPostgres {
  /** True when this call started the server (then `stop()` stops it); false when it reuses the
   * server of another process or an earlier call (then `stop()` does nothing). */
  owned: boolean;
  /** Pid of the serving process. */
  pid: number;
}

export interface EmbeddedServerInfo {
  pid: number;
  host: string;
  port: number;
  url: string;
  dataDir: string;
  status: "starting" | "ready";
  startedAt: string;
}

/** Thrown by startEmbeddedPostgres when another live process already serves the data directory. */
export class EmbeddedServerBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly info: Partial<EmbeddedServerInfo>,
  ) {
    super(
      `The embedded database ${dataDir} is already served by process ${info.pid}` +
        (info.port ? ` on port ${info.port}` : " (starting)") +
        `. Use connectOrStartEmbedded() to share it, or stop that process.`,
    );
    this.name = "EmbeddedServerBusyError";
  }
}

const MEMORY = "memory://";
const DEFAULT_HOST = "127.0.0.1";

export function isMemoryDataDir(dataDir: string): boolean {
  return dataDir === MEMORY || dataDir.startsWith("memory://");
}

/** The server file that advertises which process serves `dataDir`: `<dataDir>.server.json`. */
export function embeddedServerFilePath(dataDir: string): string {
  const abs = path.resolve(dataDir);
  return path.join(path.dirname(abs), `${path.basename(abs)}.server.json`);
}

export function embeddedUrl(host: string, port: number): string {
  return `postgresql://postgres:postgres@${host}:${port}/postgres`;
}

// ---------------------------------------------------------------------------------------------
// Wire protocol multiplexer
// ---------------------------------------------------------------------------------------------

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

const MSG_SYNC = 0x53; // S
const MSG_QUERY = 0x51; // Q
const MSG_FLUSH = 0x48; // H
const MSG_COPY_DONE = 0x63; // c
const MSG_COPY_FAIL = 0x66; // f
const MSG_TERMINATE = 0x58; // X
const MSG_READY_FOR_QUERY = 0x5a; // Z
const STATUS_IDLE = 0x49; // I

/** Messages after which the client waits for an answer: run everything buffered so far. */
const BATCH_END = new Set([MSG_SYNC, MSG_QUERY, MSG_FLUSH, MSG_COPY_DONE, MSG_COPY_FAIL]);
/** Run a batch anyway past this size (COPY data streams); the connection keeps the session. */
const MAX_BATCH_BYTES = 1 << 20;

/** Follows the backend's output to know whether it ended idle (ReadyForQuery 'I'). */
class ReadyForQueryTracker {
  private header = Buffer.alloc(5);
  private headerLen = 0;
  private remaining = 0;
  private type = 0;
  private status = 0;
  private lastType = 0;
  private lastStatus = 0;

  feed(data: Uint8Array): void {
    let i = 0;
    while (i < data.length) {
      if (this.remaining === 0) {
        // reading a header
        const n = Math.min(5 - this.headerLen, data.length - i);
        for (let k = 0; k < n; k++) this.header[this.headerLen + k] = data[i + k]!;
        this.headerLen += n;
        i += n;
        if (this.headerLen < 5) return;
        this.type = this.header[0]!;
        this.remaining = this.header.readInt32BE(1) - 4;
        this.status = 0;
        this.headerLen = 0;
        if (this.remaining <= 0) {
          this.remaining = 0;
          this.finish();
        }
        continue;
      }
      const n = Math.min(this.remaining, data.length - i);
      if (this.type === MSG_READY_FOR_QUERY && this.status === 0 && n > 0) this.status = data[i]!;
      i += n;
      this.remaining -= n;
      if (this.remaining === 0) this.finish();
    }
  }

  private finish(): void {
    this.lastType = this.type;
    this.lastStatus = this.status;
  }

  /** True when the last complete message was ReadyForQuery(idle) and nothing follows it. */
  get idle(): boolean {
    return (
      this.headerLen === 0 &&
      this.remaining === 0 &&
      this.lastType === MSG_READY_FOR_QUERY &&
      this.lastStatus === STATUS_IDLE
    );
  }
}

/** FIFO ownership of the single PGlite session. */
class SessionLock {
  private owner: object | null = null;
  private waiters: Array<{ who: object; resolve: () => void }> = [];

  isOwner(who: object): boolean {
    return this.owner === who;
  }

  acquire(who: object): Promise<void> {
    if (this.owner === null) {
      this.owner = who;
      return Promise.resolve();
    }
    if (this.owner === who) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ who, resolve }));
  }

  release(who: object): void {
    if (this.owner !== who) return;
    const next = this.waiters.shift();
    this.owner = next ? next.who : null;
    next?.resolve();
  }
}

function errorResponse(message: string, code = "08P01"): Buffer {
  const fields = Buffer.concat([
    Buffer.from("SFATAL\0"),
    Buffer.from("VFATAL\0"),
    Buffer.from(`C${code}\0`),
    Buffer.from(`M${message}\0`),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header[0] = 0x45; // E
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

function simpleQuery(sql: string): Uint8Array {
  const body = Buffer.from(`${sql}\0`);
  const msg = Buffer.alloc(5 + body.length);
  msg[0] = MSG_QUERY;
  msg.writeInt32BE(4 + body.length, 1);
  body.copy(msg, 5);
  return msg;
}

/** CopyFail (ignored outside COPY) then Sync: leaves any COPY / extended-protocol state. */
const RESET_PROTOCOL_STATE = Buffer.concat([
  (() => {
    const reason = Buffer.from("client disconnected\0");
    const m = Buffer.alloc(5 + reason.length);
    m[0] = MSG_COPY_FAIL;
    m.writeInt32BE(4 + reason.length, 1);
    reason.copy(m, 5);
    return m;
  })(),
  Buffer.from([MSG_SYNC, 0, 0, 0, 4]),
]);

class ClientConnection {
  private buf: Buffer = Buffer.alloc(0);
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private startupDone = false;
  private closed = false;
  /** Serialises this connection's batches (and its final cleanup). */
  private chain: Promise<void> = Promise.resolve();
  private resolveDone!: () => void;
  /** Settles once the socket is closed and the session is cleaned up and released. */
  readonly done = new Promise<void>((resolve) => (this.resolveDone = resolve));

  constructor(
    private readonly socket: net.Socket,
    private readonly db: PGlite,
    private readonly lock: SessionLock,
    private readonly log: (msg: string) => void,
  ) {
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", (err) => this.log(`client socket error: ${err.message}`));
    socket.on("close", () => this.onClose());
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    const buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    let off = 0;
    for (;;) {
      if (!this.startupDone) {
        if (buf.length - off < 8) break;
        const len = buf.readInt32BE(off);
        if (len < 8 || len > 1 << 16) return this.protocolError("invalid startup packet length");
        if (buf.length - off < len) break;
        const code = buf.readInt32BE(off + 4);
        const msg = Buffer.from(buf.subarray(off, off + len));
        off += len;
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          this.socket.write("N"); // no encryption; the client continues in plain text
          continue;
        }
        if (code === CANCEL_REQUEST) {
          // Cancelling is not supported by PGlite; just close this side connection.
          this.socket.destroy();
          return;
        }
        if (code !== PROTOCOL_3)
          return this.protocolError(
            `unsupported frontend protocol ${code >>> 16}.${code & 0xffff}`,
          );
        this.startupDone = true;
        this.submit(msg);
        continue;
      }
      if (buf.length - off < 5) break;
      const len = buf.readInt32BE(off + 1);
      if (len < 4) return this.protocolError("invalid message length");
      if (buf.length - off < 1 + len) break;
      const type = buf[off]!;
      const msg = buf.subarray(off, off + 1 + len);
      off += 1 + len;
      if (type === MSG_TERMINATE) {
        this.flushPending();
        this.socket.end();
        return;
      }
      this.pending.push(msg);
      this.pendingBytes += msg.length;
      if (BATCH_END.has(type) || this.pendingBytes >= MAX_BATCH_BYTES) this.flushPending();
    }
    this.buf = off >= buf.length ? Buffer.alloc(0) : Buffer.from(buf.subarray(off));
  }

  private flushPending(): void {
    if (this.pending.length === 0) return;
    const batch = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    this.submit(batch);
  }

  private submit(batch: Buffer): void {
    this.chain = this.chain
      .then(() => this.execute(batch))
      .catch((err: unknown) => {
        this.log(`query execution failed: ${err instanceof Error ? err.message : String(err)}`);
        this.closed = true;
        this.socket.destroy();
      });
  }

  private async execute(batch: Buffer): Promise<void> {
    await this.lock.acquire(this);
    if (this.closed) return; // cleanup (queued after us) releases the session
    const tracker = new ReadyForQueryTracker();
    await this.db.execProtocolRawStream(
      new Uint8Array(batch.buffer, batch.byteOffset, batch.length),
      {
        onRawData: (data: Uint8Array) => {
          tracker.feed(data);
          if (!this.socket.destroyed && this.socket.writable) this.socket.write(Buffer.from(data));
        },
      },
    );
    // Keep the session while the client is inside a transaction / COPY / unfinished batch.
    if (tracker.idle) this.lock.release(this);
  }

  private protocolError(message: string): void {
    this.log(`protocol error: ${message}`);
    if (!this.socket.destroyed) this.socket.end(errorResponse(message));
    this.closed = true;
  }

  private onClose(): void {
    this.closed = true;
    this.pending = [];
    this.chain = this.chain.then(() => this.cleanup()).then(() => this.resolveDone());
  }

  private async cleanup(): Promise<void> {
    if (!this.lock.isOwner(this)) return;
    try {
      await this.db.execProtocolRaw(RESET_PROTOCOL_STATE);
      if (this.db.isInTransaction()) await this.db.execProtocolRaw(simpleQuery("ROLLBACK"));
    } catch (err) {
      this.log(
        `cleanup after disconnect failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    } finally {
      this.lock.release(this);
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Server file (one serving process per data directory)
// ---------------------------------------------------------------------------------------------

function isPidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readServerFile(file: string): Partial<EmbeddedServerInfo> | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
  try {
    return JSON.parse(text) as Partial<EmbeddedServerInfo>;
  } catch {
    return {}; // being written; treated as "starting"
  }
}

function writeServerFileAtomic(file: string, info: EmbeddedServerInfo): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(info, null, 2) + "\n");
  fs.renameSync(tmp, file);
}

function removeServerFileIfOurs(file: string): void {
  const info = readServerFile(file);
  if (info && info.pid === process.pid) {
    try {
      fs.unlinkSync(file);
    } catch {
      // already gone
    }
  }
}

/** Claims the data directory for this process, or throws EmbeddedServerBusyError. */
function claimDataDir(dataDir: string): string {
  const file = embeddedServerFilePath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const claim: Partial<EmbeddedServerInfo> = {
        pid: process.pid,
        dataDir,
        status: "starting",
        startedAt: new Date().toISOString(),
      };
      fs.writeFileSync(file, JSON.stringify(claim) + "\n", { flag: "wx" });
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const info = readServerFile(file);
    if (info === null) continue; // vanished meanwhile
    if (info.pid === undefined) throw new EmbeddedServerBusyError(dataDir, info); // being written
    if (isPidAlive(info.pid)) throw new EmbeddedServerBusyError(dataDir, info);
    // Stale file of a process that died without stopping: take over.
    try {
      fs.unlinkSync(file);
    } catch {
      // someone else removed it
    }
  }
  throw new Error(
    `Could not claim the embedded database ${dataDir} (server file ${file} keeps changing).`,
  );
}

/** Resolves true when something speaking the PostgreSQL protocol answers on host:port. */
export function probePostgresPort(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.once("connect", () => {
      const req = Buffer.alloc(8);
      req.writeInt32BE(8, 0);
      req.writeInt32BE(SSL_REQUEST, 4);
      socket.write(req);
    });
    socket.once("data", (data: Buffer) => finish(data[0] === 0x4e || data[0] === 0x53)); // 'N' or 'S'
    socket.once("error", () => finish(false));
    socket.once("close", () => finish(false));
  });
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/** Servers started by this process, by absolute data directory. */
const localServers = new Map<string, EmbeddedPostgres>();

/**
 * Opens PGlite on `dataDir` and serves it on a local port. Refuses (EmbeddedServerBusyError) when
 * another live process already serves the same data directory.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const host = options.host ?? DEFAULT_HOST;
  const memory = isMemoryDataDir(options.dataDir);
  const dataDir = memory ? options.dataDir : path.resolve(options.dataDir);
  const log = options.debug
    ? (msg: string) => process.stderr.write(`[embedded-postgres] ${msg}\n`)
    : () => {};

  if (!memory && localServers.has(dataDir)) {
    throw new EmbeddedServerBusyError(dataDir, {
      pid: process.pid,
      port: localServers.get(dataDir)!.port,
    });
  }

  let serverFile: string | null = null;
  if (!memory) {
    serverFile = claimDataDir(dataDir);
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const onExit = () => {
    if (serverFile) removeServerFileIfOurs(serverFile);
  };
  process.once("exit", onExit);

  let db: PGlite | null = null;
  let server: net.Server | null = null;
  try {
    db = await PGlite.create(memory ? undefined : dataDir);
    const pglite = db;
    const lock = new SessionLock();
    const connections = new Set<ClientConnection>();
    const tcp = net.createServer((socket) => {
      const conn = new ClientConnection(socket, pglite, lock, log);
      connections.add(conn);
      void conn.done.then(() => connections.delete(conn));
    });
    server = tcp;
    tcp.maxConnections = 1000;
    await new Promise<void>((resolve, reject) => {
      tcp.once("error", (err: NodeJS.ErrnoException) =>
        reject(
          err.code === "EADDRINUSE"
            ? new Error(
                `Port ${options.port} on ${host} is already in use; choose another port for the embedded database (0 picks a free one).`,
              )
            : err,
        ),
      );
      tcp.listen(options.port ?? 0, host, () => {
        tcp.removeAllListeners("error");
        resolve();
      });
    });
    tcp.on("error", (err) => log(`server error: ${err.message}`));
    const address = tcp.address();
    if (address === null || typeof address !== "object")
      throw new Error("embedded server has no TCP address");
    const port = address.port;
    const url = embeddedUrl(host, port);

    if (serverFile) {
      writeServerFileAtomic(serverFile, {
        pid: process.pid,
        host,
        port,
        url,
        dataDir,
        status: "ready",
        startedAt: new Date().toISOString(),
      });
    }

    let stopping: Promise<void> | null = null;
    const stop = (): Promise<void> => {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => tcp.close(() => resolve()));
        const open = [...connections];
        for (const conn of open) conn.destroy();
        // Let every connection finish its batch and roll back, then take the session for good.
        await Promise.all(open.map((c) => c.done));
        await lock.acquire(stop);
        await closed;
        await pglite.close();
        if (!memory) localServers.delete(dataDir);
        if (serverFile) removeServerFileIfOurs(serverFile);
        process.off("exit", onExit);
      })();
      return stopping;
    };

    const handle: EmbeddedPostgres = { url, host, port, dataDir, stop };
    if (!memory) localServers.set(dataDir, handle);
    return handle;
  } catch (err) {
    if (server) server.close();
    if (db) await db.close().catch(() => {});
    if (serverFile) removeServerFileIfOurs(serverFile);
    process.off("exit", onExit);
    throw err;
  }
}

/** The server that currently serves `dataDir` (this process or another), if it answers. */
export async function findRunningEmbedded(dataDir: string): Promise<EmbeddedServerInfo | null> {
  const abs = path.resolve(dataDir);
  const local = localServers.get(abs);
  if (local) {
    return {
      pid: process.pid,
      host: local.host,
      port: local.port,
      url: local.url,
      dataDir: abs,
      status: "ready",
      startedAt: "",
    };
  }
  const info = readServerFile(embeddedServerFilePath(abs));
  if (!info || info.status !== "ready" || !info.pid || !info.port || !info.host || !info.url)
    return null;
  if (!isPidAlive(info.pid)) return null;
  if (!(await probePostgresPort(info.host, info.port))) return null;
  return info as EmbeddedServerInfo;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Returns a URL for the embedded database in `dataDir`: the server already running for it (in this
 * process or another one) when its pid is alive and its port answers, else a server started here.
 * Waits (up to `timeoutMs`, default 60 s) while another process is still starting one.
 */
export async function connectOrStartEmbedded(
  dataDir: string,
  options: Omit<EmbeddedPostgresOptions, "dataDir"> & { timeoutMs?: number } = {},
): Promise<EmbeddedConnection> {
  if (isMemoryDataDir(dataDir)) {
    const started = await startEmbeddedPostgres({ ...options, dataDir });
    return { ...started, owned: true, pid: process.pid };
  }
  const abs = path.resolve(dataDir);
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let unresponsiveSince: number | null = null;
  for (;;) {
    const local = localServers.get(abs);
    if (local) return { ...local, owned: false, pid: process.pid, stop: async () => {} };

    const info = readServerFile(embeddedServerFilePath(abs));
    if (info && info.pid !== undefined && isPidAlive(info.pid)) {
      if (info.status === "ready" && info.host && info.port && info.url) {
        if (await probePostgresPort(info.host, info.port)) {
          return {
            url: info.url,
            host: info.host,
            port: info.port,
            dataDir: abs,
            owned: false,
            pid: info.pid,
            stop: async () => {},
          };
        }
        unresponsiveSince ??= Date.now();
        if (Date.now() - unresponsiveSince > 10_000) {
          throw new Error(
            `The embedded database ${abs} is held by process ${info.pid}, which does not answer on port ${info.port}. ` +
              `Stop that process (or delete ${embeddedServerFilePath(abs)} if it is not a Chorus process) and retry.`,
          );
        }
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out waiting for process ${info.pid} to start the embedded database ${abs}.`,
        );
      }
      await sleep(200);
      continue;
    }
    if (info && info.pid === undefined) {
      // half-written server file
      if (Date.now() > deadline)
        throw new Error(`Unreadable server file ${embeddedServerFilePath(abs)}.`);
      await sleep(100);
      continue;
    }
    try {
      const started = await startEmbeddedPostgres({ ...options, dataDir: abs });
      return { ...started, owned: true, pid: process.pid };
    } catch (err) {
      if (err instanceof EmbeddedServerBusyError && Date.now() < deadline) {
        await sleep(200);
        continue;
      }
      throw err;
    }
  }
}

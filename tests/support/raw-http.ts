/**
 * Raw HTTP/1.1 over a TCP socket (node:net), for requests no HTTP client would send: fetch and
 * Playwright normalise the target (`/%C3%28` stays, but `%` alone, a missing Host, a bad chunk or
 * an unknown method never leave them). The answer is read as bytes and parsed here.
 */
import net from "node:net";

export interface RawResponse {
  /** 0 when the server closed the connection without an answer. */
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

/** The request head's lines joined with CRLF, ending with the blank line, then the body. */
export function rawHead(lines: string[], body = ""): string {
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}

/** The body of a chunked message, or null while its last chunk has not arrived. */
function dechunk(data: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const line = data.indexOf("\r\n", at);
    if (line < 0) return null;
    const size = parseInt(data.subarray(at, line).toString("latin1"), 16);
    if (Number.isNaN(size)) return Buffer.concat(parts);
    if (size === 0) return Buffer.concat(parts);
    if (data.length < line + 2 + size + 2) return null;
    parts.push(data.subarray(line + 2, line + 2 + size));
    at = line + 2 + size + 2;
  }
}

function parse(data: Buffer): { response: RawResponse; complete: boolean } | null {
  const end = data.indexOf("\r\n\r\n");
  if (end < 0) return null;
  const [statusLine, ...lines] = data.subarray(0, end).toString("latin1").split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? "")?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(":");
    if (at < 0) continue;
    const name = line.slice(0, at).trim().toLowerCase();
    const value = line.slice(at + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  const rest = data.subarray(end + 4);
  const length = headers["content-length"];
  let complete = false;
  let body = rest;
  if (length !== undefined) {
    complete = rest.length >= Number(length);
    body = rest.subarray(0, Number(length));
  } else if (/chunked/i.test(headers["transfer-encoding"] ?? "")) {
    const chunks = dechunk(rest);
    complete = chunks !== null;
    body = chunks ?? rest;
  } else if (status === 204 || status === 304 || (status >= 100 && status < 200)) {
    complete = true;
  }
  return { response: { status, headers, body: body.toString("utf8") }, complete };
}

/**
 * Sends `request` (bytes as given) to 127.0.0.1:`port` and resolves with the first response, as
 * soon as it is complete (Content-Length, chunked end, or the server closing). A connection closed
 * without any answer resolves with status 0; no answer within `timeoutMs` rejects.
 */
export function rawRequest(
  port: number,
  request: string | Buffer,
  { timeoutMs = 15_000 }: { timeoutMs?: number } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    let data = Buffer.alloc(0);
    let settled = false;
    const finish = (outcome: RawResponse | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(
      () => finish(new Error(`no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.on("connect", () => socket.write(request));
    socket.on("data", (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const parsed = parse(data);
      if (parsed?.complete) finish(parsed.response);
    });
    // A reset after the answer was written still counts the answer.
    socket.on("error", () => finish(parse(data)?.response ?? { status: 0, headers: {}, body: "" }));
    socket.on("close", () =>
      finish(parse(data)?.response ?? { status: 0, headers: {}, body: data.toString("latin1") }),
    );
  });
}

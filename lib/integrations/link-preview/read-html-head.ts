import type { IncomingMessage } from "node:http";
import { decompressedBody } from "@/lib/core/net/decompressed-body";

function charsetOf(contentType: string | undefined, start: string): string {
  const fromHeader = contentType?.match(/;\s*charset\s*=\s*"?([\w.:-]+)/i)?.[1];
  const fromMeta = start.match(/<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1];
  return fromHeader ?? fromMeta ?? "utf-8";
}

/**
 * The start of an HTML response, up to its `</head>` or `maxBytes` (after decompression, so a
 * compressed "bomb" is cut off too), whichever comes first; the rest is never downloaded.
 */
export async function readHtmlHead(response: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  let carry = "";
  const stream = decompressedBody(response);
  try {
    for await (const chunk of stream) {
      const part = (chunk as Buffer).subarray(0, maxBytes - total);
      chunks.push(part);
      total += part.length;
      // Latin-1 maps bytes one to one, so this finds the ASCII tag in any ASCII-based charset.
      const text = carry + part.toString("latin1");
      if (total >= maxBytes || /<\/head\s*>/i.test(text)) break;
      carry = text.slice(-8);
    }
  } finally {
    stream.destroy();
    response.destroy();
  }
  const bytes = Buffer.concat(chunks);
  const label = charsetOf(
    response.headers["content-type"],
    bytes.subarray(0, 2048).toString("latin1"),
  );
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

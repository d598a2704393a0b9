import { headers } from "next/headers";

/**
 * A Request standing for the page request being rendered, carrying the headers that say where it
 * came in (host, forwarded host and protocol), so pages can use appUrl()/shortLinkBase() as
 * route handlers do.
 */
export async function pageRequest(): Promise<Request> {
  const incoming = await headers();
  const forwarded = new Headers();
  for (const name of ["host", "x-forwarded-host", "x-forwarded-proto"]) {
    const value = incoming.get(name);
    if (value) forwarded.set(name, value);
  }
  let url = "http://localhost/";
  try {
    url = new URL(`http://${incoming.get("host") ?? "localhost"}/`).href;
  } catch {
    // A malformed Host header: appUrl() still reads the headers; the URL only supplies a protocol.
  }
  return new Request(url, { headers: forwarded });
}

/**
 * A failure talking to a connector's source (HubSpot, Greenhouse). `auth`: the token was refused
 * (401/403) — the admin must replace it; `rate-limited`: 429, try at the next sync; `unavailable`:
 * network, timeout, 5xx or an answer that is not the documented shape.
 */
export class SourceApiError extends Error {
  constructor(
    readonly kind: "auth" | "rate-limited" | "unavailable",
    message: string,
  ) {
    super(message);
    this.name = "SourceApiError";
  }
}

const TIMEOUT_MS = 20_000;

/** GETs or POSTs JSON; returns the parsed body and the response headers, or throws SourceApiError. */
export async function requestSourceJson(
  service: string,
  url: string,
  init: { method?: "GET" | "POST"; headers: Record<string, string>; body?: unknown },
): Promise<{ body: unknown; headers: Headers }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers: {
        accept: "application/json",
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new SourceApiError(
      "unavailable",
      `${service} could not be reached (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  if (res.status === 401 || res.status === 403) {
    await res.body?.cancel();
    throw new SourceApiError(
      "auth",
      `${service} refused the token (HTTP ${res.status}). Check that it is valid and has the required scopes, then save a new one.`,
    );
  }
  if (res.status === 429) {
    await res.body?.cancel();
    throw new SourceApiError(
      "rate-limited",
      `${service} rate limit reached; the next sync retries.`,
    );
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new SourceApiError("unavailable", `${service} answered HTTP ${res.status}.`);
  }
  try {
    return { body: await res.json(), headers: res.headers };
  } catch {
    throw new SourceApiError("unavailable", `${service} answered with something that is not JSON.`);
  }
}

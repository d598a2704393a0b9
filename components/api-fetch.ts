export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; message: string; fields?: Record<string, string> };

/** fetch() for our JSON API: never throws, always gives a message a person can read. */
export async function apiFetch<T = unknown>(
  url: string,
  { method = "GET", body }: { method?: string; body?: unknown } = {},
): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => null)) as
      (T & { error?: { message?: string; fields?: Record<string, string> } }) | null;
    if (!res.ok) {
      return {
        ok: false,
        status: res.status,
        message: json?.error?.message ?? `Request failed (${res.status}).`,
        fields: json?.error?.fields,
      };
    }
    return { ok: true, data: json as T };
  } catch {
    return { ok: false, status: 0, message: "Could not reach the server. Check your connection." };
  }
}

/**
 * A fake HubSpot on loopback, speaking the documented shapes of the three APIs the HubSpot
 * connector reads, with private-app (Bearer) authentication:
 * - POST /crm/v3/objects/{contacts|deals}/search — filterGroups (GT / EQ filters), sorts,
 *   properties, limit, after; answers { total, results: [{ id, properties, createdAt, updatedAt,
 *   archived }], paging?: { next: { after } } }.
 * - GET /form-integrations/v1/submissions/forms/{guid}?limit&after — newest first; answers
 *   { results: [{ submittedAt, values: [{ name, value }], pageUrl }], paging?: { next: { after, link } } }.
 * Point the app at it with HUBSPOT_API_BASE=<url>.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeCrmObject {
  id: string;
  properties: Record<string, string | null>;
}

export interface FakeSubmission {
  submittedAt: number;
  values: { name: string; value: string }[];
  pageUrl?: string;
}

export interface FakeHubSpot {
  url: string;
  token: string;
  contacts: FakeCrmObject[];
  deals: FakeCrmObject[];
  forms: Map<string, FakeSubmission[]>;
  /** Every request: method, path and JSON body. */
  requests: { method: string; path: string; body: unknown }[];
  /** Answer the next N requests with this status (e.g. 401, 500). */
  failNext(status: number, times?: number): void;
  close(): Promise<void>;
}

interface Filter {
  propertyName: string;
  operator: string;
  value: string;
}

const MODIFIED: Record<string, string> = {
  contacts: "lastmodifieddate",
  deals: "hs_lastmodifieddate",
};

function toMs(v: string | null | undefined): number {
  if (!v) return 0;
  return /^\d+$/.test(v) ? Number(v) : Date.parse(v);
}

export async function startFakeHubSpot(
  token = "pat-eu1-test-token-0001",
  listenPort = 0,
): Promise<FakeHubSpot> {
  const state = {
    contacts: [] as FakeCrmObject[],
    deals: [] as FakeCrmObject[],
    forms: new Map<string, FakeSubmission[]>(),
    requests: [] as FakeHubSpot["requests"],
    failures: [] as number[],
  };
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      let body: unknown = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        return send(res, 400, {
          status: "error",
          message: "Invalid JSON",
          category: "VALIDATION_ERROR",
        });
      }
      state.requests.push({ method: req.method ?? "", path: url.pathname + url.search, body });
      const failure = state.failures.shift();
      if (failure) return send(res, failure, { status: "error", message: "Injected failure" });
      if (req.headers.authorization !== `Bearer ${token}`) {
        return send(res, 401, {
          status: "error",
          message: "Authentication credentials not found.",
          category: "INVALID_AUTHENTICATION",
        });
      }
      const search = /^\/crm\/v3\/objects\/(contacts|deals)\/search$/.exec(url.pathname);
      if (search && req.method === "POST") return send(res, 200, searchObjects(search[1]!, body));
      const form = /^\/form-integrations\/v1\/submissions\/forms\/([^/]+)$/.exec(url.pathname);
      if (form && req.method === "GET") {
        const all = [...(state.forms.get(decodeURIComponent(form[1]!)) ?? [])].sort(
          (a, b) => b.submittedAt - a.submittedAt,
        );
        const limit = Math.min(Number(url.searchParams.get("limit") ?? "20"), 50);
        const offset = Number(url.searchParams.get("after") ?? "0");
        const page = all.slice(offset, offset + limit);
        const next = offset + limit < all.length ? String(offset + limit) : null;
        return send(res, 200, {
          results: page,
          ...(next
            ? { paging: { next: { after: next, link: `${url.pathname}?after=${next}` } } }
            : {}),
        });
      }
      send(res, 404, { status: "error", message: "Not found", category: "OBJECT_NOT_FOUND" });
    });
  });

  function searchObjects(type: string, body: unknown) {
    const b = body as {
      filterGroups?: { filters: Filter[] }[];
      sorts?: { propertyName: string; direction: string }[];
      properties?: string[];
      limit?: number;
      after?: string;
    };
    const list = type === "contacts" ? state.contacts : state.deals;
    const filters = b.filterGroups?.[0]?.filters ?? [];
    const matches = list.filter((o) =>
      filters.every((f) => {
        const v = o.properties[f.propertyName] ?? null;
        if (f.operator === "GT") return toMs(v) > Number(f.value);
        if (f.operator === "EQ") return v === f.value;
        return false;
      }),
    );
    const sortBy = b.sorts?.[0]?.propertyName ?? MODIFIED[type]!;
    matches.sort((x, y) => toMs(x.properties[sortBy]) - toMs(y.properties[sortBy]));
    const limit = Math.min(b.limit ?? 10, 200);
    const offset = Number(b.after ?? "0");
    const page = matches.slice(offset, offset + limit);
    const next = offset + limit < matches.length ? String(offset + limit) : null;
    return {
      total: matches.length,
      results: page.map((o) => ({
        id: o.id,
        properties: Object.fromEntries(
          [...(b.properties ?? []), "hs_object_id"].map((p) => [p, o.properties[p] ?? null]),
        ),
        createdAt: o.properties.createdate ?? new Date(0).toISOString(),
        updatedAt: o.properties[MODIFIED[type]!] ?? new Date(0).toISOString(),
        archived: false,
      })),
      ...(next ? { paging: { next: { after: next, link: "" } } } : {}),
    };
  }

  await new Promise<void>((resolve) => server.listen(listenPort, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    contacts: state.contacts,
    deals: state.deals,
    forms: state.forms,
    requests: state.requests,
    failNext(status, times = 1) {
      for (let i = 0; i < times; i++) state.failures.push(status);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A fake Greenhouse Harvest API (v1) on loopback: `GET /v1/applications` with HTTP Basic auth
 * (the API key as user name, empty password), `last_activity_after` (ISO 8601), `per_page` and
 * `page`, answering a JSON array of applications and a `Link` header with rel="next"/"last" as
 * Harvest does. Point the app at it with GREENHOUSE_API_BASE=<url>.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeApplication {
  id: number;
  candidate_id: number;
  prospect: boolean;
  applied_at: string;
  last_activity_at: string;
  status: "active" | "rejected" | "hired";
  source: { id: number; public_name: string } | null;
  custom_fields: Record<string, unknown>;
  answers: { question: string; answer: string }[];
}

export interface FakeGreenhouse {
  url: string;
  apiKey: string;
  applications: FakeApplication[];
  requests: string[];
  /** Appends a foreign host's next link to every Link header (the client must not follow it). */
  foreignNext: boolean;
  close(): Promise<void>;
}

export async function startFakeGreenhouse(
  apiKey = "harvest-test-key-0001",
): Promise<FakeGreenhouse> {
  const fake = {
    applications: [] as FakeApplication[],
    requests: [] as string[],
    foreignNext: false,
  };
  const expected = `Basic ${Buffer.from(`${apiKey}:`).toString("base64")}`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    fake.requests.push(url.pathname + url.search);
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { "content-type": "application/json" });
      return res.end(JSON.stringify({ message: "Invalid Basic Auth credentials" }));
    }
    if (url.pathname !== "/v1/applications" || req.method !== "GET") {
      res.writeHead(404, { "content-type": "application/json" });
      return res.end(JSON.stringify({ message: "Resource not found" }));
    }
    const after = url.searchParams.get("last_activity_after");
    const perPage = Math.min(Number(url.searchParams.get("per_page") ?? "100"), 500);
    const page = Number(url.searchParams.get("page") ?? "1");
    const all = fake.applications
      .filter((a) => !after || Date.parse(a.last_activity_at) >= Date.parse(after))
      .sort((a, b) => a.id - b.id);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link = (p: number) => {
      const u = new URL(url.href);
      u.searchParams.set("page", String(p));
      return u.href;
    };
    const links = [
      ...(page < last ? [`<${link(page + 1)}>; rel="next"`] : []),
      ...(fake.foreignNext ? [`<https://evil.example/steal?page=9>; rel="next"`] : []),
      `<${link(last)}>; rel="last"`,
    ];
    res.writeHead(200, { "content-type": "application/json", link: links.join(", ") });
    res.end(JSON.stringify(all.slice((page - 1) * perPage, page * perPage)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/**
 * A fake LinkedIn on loopback: a real HTTP server implementing the OAuth 2.0 and REST endpoints
 * Chorus uses, with the checks LinkedIn makes (client credentials, redirect URI, single-use codes,
 * bearer tokens, required REST headers, author = the token's member, body shape, the
 * LinkedIn-Version being one LinkedIn still serves) and injectable failures (`failNext`). Point the
 * app at it with LINKEDIN_AUTH_URL=<url>/oauth/v2 and LINKEDIN_API_URL=<url>.
 *
 * With `control: true` (the standalone e2e process) it also answers `POST /__fake/fail-next`
 * (`{"endpoint":"posts","mode":401}`) and `GET /__fake/state` (posts and images; no tokens), so a
 * browser test in another process can inject failures and read what LinkedIn received.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";

export type FakeEndpoint =
  "authorize" | "token" | "revoke" | "userinfo" | "posts" | "images" | "upload" | "analytics";
export type FailureMode = 401 | 422 | 429 | 500 | "malformed" | "slow";

export interface FakeMember {
  id: string;
  name: string;
  email: string;
}

export interface FakeToken {
  token: string;
  memberId: string;
  scope: string;
  clientId: string;
  expiresAt: number;
  revoked: boolean;
}

export interface FakePost {
  urn: string;
  memberId: string;
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

export interface FakeImage {
  urn: string;
  owner: string;
  uploaded: boolean;
  bytes: number;
  contentType: string | null;
}

export interface FakeAnalytics {
  impressions: number;
  membersReached: number;
  reactions: number;
  comments: number;
  reshares: number;
}

export interface FakeLinkedInState {
  tokens: FakeToken[];
  codes: Map<string, { memberId: string; redirectUri: string; scope: string; clientId: string }>;
  posts: FakePost[];
  images: FakeImage[];
  revokedTokens: string[];
  /** Every request seen: method, path (with query), endpoint. */
  requests: { method: string; path: string; endpoint: FakeEndpoint | null }[];
  analytics: Map<string, FakeAnalytics>;
}

export interface FakeLinkedIn {
  /** Base URL: AUTH = `${url}/oauth/v2`, API = `${url}`. */
  url: string;
  authUrl: string;
  clientId: string;
  clientSecret: string;
  state: FakeLinkedInState;
  /** The member the consent page signs in as (default: the first of `members`). */
  setMember(member: FakeMember): void;
  /** Makes the next request to `endpoint` fail in `mode` (queued: call twice for two failures). */
  failNext(endpoint: FakeEndpoint, mode: FailureMode): void;
  /** Issues a token directly (tests that do not go through the consent page). */
  issueToken(memberId: string, opts?: { scope?: string; expiresInSeconds?: number }): string;
  /** Makes a token expire now (LinkedIn then answers 401). */
  expireToken(token: string): void;
  setAnalytics(postUrn: string, analytics: FakeAnalytics): void;
  /** Changes which LinkedIn-Version months are served (`reset` restores the option's window). */
  setActiveVersions(window: { oldest: string; newest: string }): void;
  reset(): void;
  stop(): Promise<void>;
}

export interface FakeLinkedInOptions {
  port?: number;
  host?: string;
  clientId?: string;
  clientSecret?: string;
  members?: FakeMember[];
  /** Delay of "slow" failures (default 3 s). */
  slowMs?: number;
  /**
   * The LinkedIn-Version months served, as LinkedIn does: each monthly version for a year from its
   * release. Default: the twelve months up to `now` (the current month included); older or
   * unreleased versions get LinkedIn's 426 NONEXISTENT_VERSION.
   */
  activeVersions?: { oldest: string; newest: string };
  /** Serve `/__fake/*` (failure injection and state) for tests in another process. */
  control?: boolean;
}

/** YYYYMM of a date, `monthsBack` months earlier. */
function versionMonth(date: Date, monthsBack = 0): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBack, 1));
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The versions LinkedIn serves around `now`: released in the last twelve months. */
export function activeVersionWindow(now = new Date()): { oldest: string; newest: string } {
  return { oldest: versionMonth(now, 11), newest: versionMonth(now) };
}

export const DEFAULT_FAKE_MEMBER: FakeMember = {
  id: "fakeMember001",
  name: "Alex Fakeson",
  email: "alex.fakeson@linkedin.example",
};

const SIXTY_DAYS = 5_184_000;
const ALL_SCOPES = "openid profile email w_member_social r_member_postAnalytics";
const QUERY_TYPES: Record<string, keyof FakeAnalytics> = {
  IMPRESSION: "impressions",
  MEMBERS_REACHED: "membersReached",
  REACTION: "reactions",
  COMMENT: "comments",
  RESHARE: "reshares",
};

export async function startFakeLinkedIn(options: FakeLinkedInOptions = {}): Promise<FakeLinkedIn> {
  const clientId = options.clientId ?? "fake-linkedin-client";
  const clientSecret = options.clientSecret ?? "fake-linkedin-secret";
  const slowMs = options.slowMs ?? 3000;
  let versions = options.activeVersions ?? activeVersionWindow();
  let member = options.members?.[0] ?? DEFAULT_FAKE_MEMBER;
  const members = new Map<string, FakeMember>(
    (options.members ?? [DEFAULT_FAKE_MEMBER]).map((m) => [m.id, m]),
  );
  const failures = new Map<FakeEndpoint, FailureMode[]>();
  const state: FakeLinkedInState = {
    tokens: [],
    codes: new Map(),
    posts: [],
    images: [],
    revokedTokens: [],
    requests: [],
    analytics: new Map(),
  };
  let baseUrl = "";
  const sockets = new Set<import("node:net").Socket>();

  const newToken = (memberId: string, scope: string, expiresIn = SIXTY_DAYS) => {
    const token = `fake-at-${randomBytes(18).toString("base64url")}`;
    state.tokens.push({
      token,
      memberId,
      scope,
      clientId,
      expiresAt: Date.now() + expiresIn * 1000,
      revoked: false,
    });
    return token;
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: String(error) });
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", baseUrl);
    if (options.control && url.pathname.startsWith("/__fake/")) return control(req, url, res);
    const endpoint = endpointOf(req.method ?? "GET", url);
    state.requests.push({ method: req.method ?? "GET", path: url.pathname + url.search, endpoint });
    const body = await readBody(req);
    if (!endpoint) return sendJson(res, 404, { message: "Not found", status: 404 });

    const failure = failures.get(endpoint)?.shift();
    if (failure !== undefined) {
      if (failure === "slow") {
        await new Promise((r) => setTimeout(r, slowMs));
      } else if (failure === "malformed") {
        res.writeHead(200, { "content-type": "application/json" });
        return res.end('{"this is": not json');
      } else if (failure === 422) {
        // A post LinkedIn refuses for its content (after any image was uploaded).
        return sendJson(res, 422, {
          message: "ERROR :: /commentary :: is invalid (injected)",
          status: 422,
        });
      } else if (failure === 429) {
        return sendJson(
          res,
          429,
          { message: "Too many requests", status: 429 },
          { "retry-after": "7" },
        );
      } else {
        return sendJson(res, failure, { message: `Injected ${failure}`, status: failure });
      }
    }

    switch (endpoint) {
      case "authorize":
        return authorize(url, res);
      case "token":
        return token(body, res);
      case "revoke":
        return revoke(body, res);
      case "userinfo":
        return userinfo(req, res);
      case "posts":
        return posts(req, body, res);
      case "images":
        return images(req, body, res);
      case "upload":
        return upload(req, url, body, res);
      case "analytics":
        return analytics(req, url, res);
    }
  }

  function authorize(url: URL, res: http.ServerResponse) {
    const q = url.searchParams;
    const redirectUri = q.get("redirect_uri") ?? "";
    if (q.get("response_type") !== "code" || q.get("client_id") !== clientId) {
      return sendHtml(res, 400, "<h1>Invalid request</h1><p>Unknown client or response type.</p>");
    }
    if (!URL.canParse(redirectUri)) {
      return sendHtml(res, 400, "<h1>Invalid redirect_uri</h1>");
    }
    const scope = q.get("scope") ?? "";
    const unknown = scope.split(" ").filter((s) => s && !ALL_SCOPES.split(" ").includes(s));
    const back = (params: Record<string, string>) => {
      const target = new URL(redirectUri);
      for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
      const st = q.get("state");
      if (st !== null) target.searchParams.set("state", st);
      return target.toString();
    };
    if (unknown.length) {
      res.writeHead(302, {
        location: back({
          error: "invalid_scope",
          error_description: `Unknown: ${unknown.join(",")}`,
        }),
      });
      return res.end();
    }
    const code = `fake-code-${randomBytes(12).toString("base64url")}`;
    state.codes.set(code, { memberId: member.id, redirectUri, scope, clientId });
    const allow = back({ code });
    const cancel = back({
      error: "user_cancelled_authorize",
      error_description: "The user cancelled the authorization",
    });
    sendHtml(
      res,
      200,
      `<!doctype html><html><head><title>LinkedIn (fake) – Allow access</title></head><body>
<main><h1>Chorus would like to access your LinkedIn account</h1>
<p>Signed in as <strong>${escapeHtml(member.name)}</strong>.</p>
<p>Scopes: <code>${escapeHtml(scope)}</code></p>
<a id="allow" role="button" href="${escapeHtml(allow)}">Allow</a>
<a id="cancel" role="button" href="${escapeHtml(cancel)}">Cancel</a>
</main></body></html>`,
    );
  }

  function token(body: Buffer, res: http.ServerResponse) {
    const form = new URLSearchParams(body.toString("utf8"));
    if (form.get("client_id") !== clientId || form.get("client_secret") !== clientSecret) {
      return sendJson(res, 401, {
        error: "invalid_client",
        error_description: "Client authentication failed",
      });
    }
    if (form.get("grant_type") !== "authorization_code") {
      return sendJson(res, 400, { error: "unsupported_grant_type" });
    }
    const code = form.get("code") ?? "";
    const entry = state.codes.get(code);
    if (!entry) {
      return sendJson(res, 400, {
        error: "invalid_request",
        error_description: "Unable to retrieve access token: authorization code not found",
      });
    }
    state.codes.delete(code); // single use
    if (form.get("redirect_uri") !== entry.redirectUri) {
      return sendJson(res, 400, {
        error: "invalid_redirect_uri",
        error_description:
          "Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code",
      });
    }
    const accessToken = newToken(entry.memberId, entry.scope);
    sendJson(res, 200, {
      access_token: accessToken,
      expires_in: SIXTY_DAYS,
      scope: entry.scope.split(" ").filter(Boolean).join(","),
      token_type: "Bearer",
      id_token: "not-used-by-chorus",
    });
  }

  function revoke(body: Buffer, res: http.ServerResponse) {
    const form = new URLSearchParams(body.toString("utf8"));
    if (form.get("client_id") !== clientId || form.get("client_secret") !== clientSecret) {
      return sendJson(res, 401, { error: "invalid_client" });
    }
    const value = form.get("token") ?? "";
    const entry = state.tokens.find((t) => t.token === value);
    if (entry) entry.revoked = true;
    state.revokedTokens.push(value);
    res.writeHead(200);
    res.end();
  }

  function bearer(req: http.IncomingMessage, res: http.ServerResponse): FakeToken | null {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "");
    const entry = match ? state.tokens.find((t) => t.token === match[1]) : undefined;
    if (!entry || entry.revoked || entry.expiresAt <= Date.now()) {
      sendJson(res, 401, {
        serviceErrorCode: 65600,
        message: "Invalid access token",
        status: 401,
      });
      return null;
    }
    return entry;
  }

  function restHeadersOk(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const version = req.headers["linkedin-version"];
    if (typeof version !== "string" || !/^20\d{4}(\.\d{2})?$/.test(version)) {
      sendJson(res, 400, {
        code: "VERSION_MISSING",
        message:
          "A version must be present. Please specify a version by adding the LinkedIn-Version header.",
        status: 400,
      });
      return false;
    }
    const month = version.slice(0, 6);
    if (month < versions.oldest || month > versions.newest) {
      // LinkedIn's answer for a retired (or never released) version, as it sends it.
      sendJson(res, 426, {
        status: 426,
        code: "NONEXISTENT_VERSION",
        message: `Requested version ${month}01 is not active`,
      });
      return false;
    }
    if (req.headers["x-restli-protocol-version"] !== "2.0.0") {
      sendJson(res, 400, { message: "X-Restli-Protocol-Version 2.0.0 is required", status: 400 });
      return false;
    }
    return true;
  }

  /** Test control from another process (e2e): inject failures, read what LinkedIn received. */
  async function control(req: http.IncomingMessage, url: URL, res: http.ServerResponse) {
    if (req.method === "POST" && url.pathname === "/__fake/fail-next") {
      const { endpoint, mode } = JSON.parse((await readBody(req)).toString("utf8")) as {
        endpoint: FakeEndpoint;
        mode: FailureMode;
      };
      const queue = failures.get(endpoint) ?? [];
      queue.push(mode);
      failures.set(endpoint, queue);
      return sendJson(res, 200, { queued: queue.length });
    }
    if (req.method === "GET" && url.pathname === "/__fake/state") {
      return sendJson(res, 200, {
        posts: state.posts.map((p) => ({ urn: p.urn, memberId: p.memberId, body: p.body })),
        images: state.images,
      });
    }
    return sendJson(res, 404, { message: "Unknown control endpoint" });
  }

  function hasScope(t: FakeToken, scope: string) {
    return t.scope.split(/[ ,]/).includes(scope);
  }

  function userinfo(req: http.IncomingMessage, res: http.ServerResponse) {
    const t = bearer(req, res);
    if (!t) return;
    const m = members.get(t.memberId) ?? { ...DEFAULT_FAKE_MEMBER, id: t.memberId };
    const [given, ...rest] = m.name.split(" ");
    sendJson(res, 200, {
      sub: m.id,
      name: m.name,
      given_name: given,
      family_name: rest.join(" "),
      email: hasScope(t, "email") ? m.email : undefined,
      email_verified: true,
      locale: { country: "US", language: "en" },
    });
  }

  function posts(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) {
    const t = bearer(req, res);
    if (!t || !restHeadersOk(req, res)) return;
    if (!hasScope(t, "w_member_social")) {
      return sendJson(res, 403, {
        message: "Not enough permissions to access: partnerApiPostsExternal.CREATE.20251001",
        status: 403,
      });
    }
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, { message: "Invalid JSON", status: 400 });
    }
    const problems = validatePost(json);
    if (problems.length) {
      return sendJson(res, 422, { message: problems.join("; "), status: 422 });
    }
    if (json.author !== `urn:li:person:${t.memberId}`) {
      return sendJson(res, 403, {
        message: `Unpermitted fields present in REQUEST_BODY: Data Processing Exception while processing fields [/author]`,
        status: 403,
      });
    }
    const urn = `urn:li:share:${7_000_000_000_000 + state.posts.length + 1}`;
    state.posts.push({ urn, memberId: t.memberId, body: json, headers: { ...req.headers } });
    res.writeHead(201, { "x-restli-id": urn, "x-linkedin-id": urn });
    res.end();
  }

  function validatePost(json: Record<string, unknown>): string[] {
    const problems: string[] = [];
    if (typeof json.author !== "string") problems.push("author is required");
    if (typeof json.commentary !== "string") problems.push("commentary is required");
    if (!["PUBLIC", "CONNECTIONS", "LOGGED_IN"].includes(json.visibility as string)) {
      problems.push("visibility must be PUBLIC, CONNECTIONS or LOGGED_IN");
    }
    const distribution = json.distribution as Record<string, unknown> | undefined;
    if (!distribution || !["MAIN_FEED", "NONE"].includes(distribution.feedDistribution as string)) {
      problems.push("distribution.feedDistribution is required");
    }
    if (json.lifecycleState !== "PUBLISHED") problems.push("lifecycleState must be PUBLISHED");
    const content = json.content as Record<string, unknown> | undefined;
    if (content !== undefined) {
      const article = content.article as Record<string, unknown> | undefined;
      const media = content.media as Record<string, unknown> | undefined;
      if (Boolean(article) === Boolean(media)) problems.push("content needs article or media");
      if (article) {
        if (typeof article.source !== "string" || !URL.canParse(article.source)) {
          problems.push("content.article.source must be a URL");
        }
        if (typeof article.title !== "string" || !article.title) {
          problems.push("content.article.title is required");
        }
        if (article.thumbnail !== undefined && !knownImage(article.thumbnail)) {
          problems.push("content.article.thumbnail must be an uploaded image");
        }
      }
      if (media && !knownImage(media.id))
        problems.push("content.media.id must be an uploaded image");
    }
    return problems;
  }

  function knownImage(urn: unknown) {
    return state.images.some((i) => i.urn === urn && i.uploaded);
  }

  function images(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) {
    const t = bearer(req, res);
    if (!t || !restHeadersOk(req, res)) return;
    let owner: unknown;
    try {
      owner = (
        JSON.parse(body.toString("utf8")) as { initializeUploadRequest?: { owner?: unknown } }
      ).initializeUploadRequest?.owner;
    } catch {
      return sendJson(res, 400, { message: "Invalid JSON", status: 400 });
    }
    if (owner !== `urn:li:person:${t.memberId}`) {
      return sendJson(res, 403, { message: "owner must be the authenticated member", status: 403 });
    }
    const id = `D4E${randomBytes(8).toString("hex")}`;
    const urn = `urn:li:image:${id}`;
    state.images.push({ urn, owner, uploaded: false, bytes: 0, contentType: null });
    sendJson(res, 200, {
      value: {
        uploadUrlExpiresAt: Date.now() + 3_600_000,
        uploadUrl: `${baseUrl}/upload/${id}?sig=${randomBytes(6).toString("hex")}`,
        image: urn,
      },
    });
  }

  function upload(req: http.IncomingMessage, url: URL, body: Buffer, res: http.ServerResponse) {
    const t = bearer(req, res);
    if (!t) return;
    const id = url.pathname.split("/").pop();
    const image = state.images.find((i) => i.urn === `urn:li:image:${id}`);
    if (!image) return sendJson(res, 404, { message: "No such upload", status: 404 });
    if (body.length === 0) return sendJson(res, 400, { message: "Empty upload", status: 400 });
    image.uploaded = true;
    image.bytes = body.length;
    image.contentType = req.headers["content-type"] ?? null;
    res.writeHead(201);
    res.end();
  }

  function analytics(req: http.IncomingMessage, url: URL, res: http.ServerResponse) {
    const t = bearer(req, res);
    if (!t || !restHeadersOk(req, res)) return;
    if (!hasScope(t, "r_member_postAnalytics")) {
      return sendJson(res, 403, {
        message: "Not enough permissions to access: memberCreatorPostAnalytics",
        status: 403,
      });
    }
    const q = url.searchParams;
    // Rest.li 2.0: entity=(share:urn%3Ali%3Ashare%3A123) — the URN inside is percent-encoded.
    const rawEntity = /[?&]entity=([^&]*)/.exec(url.search)?.[1] ?? "";
    const match = /^\((share|ugc):([^)]+)\)$/.exec(rawEntity);
    const field = QUERY_TYPES[q.get("queryType") ?? ""];
    if (q.get("q") !== "entity" || !match || !field || q.get("aggregation") !== "TOTAL") {
      return sendJson(res, 400, {
        message: "q=entity, entity=(share:…), queryType and aggregation=TOTAL are required",
        status: 400,
      });
    }
    const postUrn = decodeURIComponent(match[2]!);
    const post = state.posts.find((p) => p.urn === postUrn);
    if (!post) return sendJson(res, 404, { message: "Post not found", status: 404 });
    if (post.memberId !== t.memberId) {
      return sendJson(res, 403, { message: "Not the author of this post", status: 403 });
    }
    const figures = state.analytics.get(postUrn) ?? {
      impressions: 0,
      membersReached: 0,
      reactions: 0,
      comments: 0,
      reshares: 0,
    };
    sendJson(res, 200, {
      paging: { start: 0, count: 10, links: [] },
      elements: [
        {
          count: figures[field],
          metricType: {
            "com.linkedin.adsexternalapi.memberanalytics.v1.CreatorPostAnalyticsMetricTypeV1":
              q.get("queryType"),
          },
        },
      ],
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${address.port}`;

  return {
    url: baseUrl,
    authUrl: `${baseUrl}/oauth/v2`,
    clientId,
    clientSecret,
    state,
    setMember(next) {
      member = next;
      members.set(next.id, next);
    },
    failNext(endpoint, mode) {
      const queue = failures.get(endpoint) ?? [];
      queue.push(mode);
      failures.set(endpoint, queue);
    },
    issueToken(memberId, opts = {}) {
      return newToken(memberId, opts.scope ?? ALL_SCOPES, opts.expiresInSeconds ?? SIXTY_DAYS);
    },
    expireToken(value) {
      const entry = state.tokens.find((t) => t.token === value);
      if (entry) entry.expiresAt = Date.now() - 1000;
    },
    setAnalytics(postUrn, figures) {
      state.analytics.set(postUrn, figures);
    },
    setActiveVersions(window) {
      versions = window;
    },
    reset() {
      versions = options.activeVersions ?? activeVersionWindow();
      failures.clear();
      state.tokens.length = 0;
      state.codes.clear();
      state.posts.length = 0;
      state.images.length = 0;
      state.revokedTokens.length = 0;
      state.requests.length = 0;
      state.analytics.clear();
      member = options.members?.[0] ?? DEFAULT_FAKE_MEMBER;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function endpointOf(method: string, url: URL): FakeEndpoint | null {
  const p = url.pathname;
  if (method === "GET" && p === "/oauth/v2/authorization") return "authorize";
  if (method === "POST" && p === "/oauth/v2/accessToken") return "token";
  if (method === "POST" && p === "/oauth/v2/revoke") return "revoke";
  if (method === "GET" && p === "/v2/userinfo") return "userinfo";
  if (method === "POST" && p === "/rest/posts") return "posts";
  if (
    method === "POST" &&
    p === "/rest/images" &&
    url.searchParams.get("action") === "initializeUpload"
  ) {
    return "images";
  }
  if (method === "PUT" && p.startsWith("/upload/")) return "upload";
  if (method === "GET" && p === "/rest/memberCreatorPostAnalytics") return "analytics";
  return null;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function sendHtml(res: http.ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(html);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

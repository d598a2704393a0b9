import { env } from "@/lib/core/env";

/**
 * The one place Chorus talks to LinkedIn (OAuth 2.0 and the versioned REST API). Base URLs come
 * from LINKEDIN_AUTH_URL / LINKEDIN_API_URL, so tests point it at tests/support/fake-linkedin.ts.
 * Every failure is a LinkedInApiError with a code callers can act on:
 * - unauthorized (401/403: token expired, revoked or missing a scope → the member must reconnect)
 * - rate_limited (429, with retryAfterSeconds when LinkedIn sends Retry-After)
 * - server (5xx, or LinkedIn unreachable: status null) · bad_request (other 4xx)
 * - timeout (no answer within the timeout) · malformed (an answer we cannot read)
 * - version_unsupported (426, or 400 NONEXISTENT_VERSION / VERSION_MISSING: LinkedIn no longer
 *   serves LINKEDIN_API_VERSION — the server's configuration, not the member, must change)
 */
export type LinkedInErrorCode =
  | "unauthorized"
  | "rate_limited"
  | "server"
  | "bad_request"
  | "timeout"
  | "malformed"
  | "version_unsupported";

export class LinkedInApiError extends Error {
  readonly status: number | null;
  readonly code: LinkedInErrorCode;
  readonly retryAfterSeconds?: number;

  constructor(opts: {
    status: number | null;
    code: LinkedInErrorCode;
    message: string;
    retryAfterSeconds?: number;
  }) {
    super(opts.message);
    this.name = "LinkedInApiError";
    this.status = opts.status;
    this.code = opts.code;
    if (opts.retryAfterSeconds !== undefined) this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  /** Worth trying again later (rate limit, LinkedIn down or slow). */
  get retryable(): boolean {
    return this.code === "rate_limited" || this.code === "server" || this.code === "timeout";
  }
}

export interface ClientOptions {
  /** Per request; default 10 s. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const RESTLI_PROTOCOL_VERSION = "2.0.0";

export interface TokenGrant {
  accessToken: string;
  /** Seconds (LinkedIn: 5184000 = 60 days). */
  expiresIn: number;
  refreshToken?: string;
  refreshTokenExpiresIn?: number;
  scope: string;
}

export interface LinkedInUserInfo {
  /** The member id: the author URN is urn:li:person:{sub}. */
  sub: string;
  name: string;
  email?: string;
}

export interface ArticleContent {
  /** The link (LinkedIn does not scrape it: title, description and thumbnail are sent). */
  source: string;
  title: string;
  description?: string;
  /** urn:li:image:… from uploadImage. */
  thumbnailUrn?: string;
}

export interface CreatePostInput {
  authorUrn: string;
  /** Plain text; escaped here (escapeLittleText). */
  commentary: string;
  article?: ArticleContent;
  imageUrn?: string;
  imageAlt?: string;
}

export interface PostAnalytics {
  impressions: number;
  membersReached: number;
  reactions: number;
  comments: number;
  reshares: number;
}

/** Scopes requested by "Connect LinkedIn" (r_member_postAnalytics when LINKEDIN_POST_ANALYTICS). */
export function linkedInScopes(): string[] {
  const scopes = ["openid", "profile", "email", "w_member_social"];
  if (env().LINKEDIN_POST_ANALYTICS) scopes.push("r_member_postAnalytics");
  return scopes;
}

export function linkedInConfigured(): boolean {
  const { LINKEDIN_CLIENT_ID, LINKEDIN_CLIENT_SECRET } = env();
  return Boolean(LINKEDIN_CLIENT_ID && LINKEDIN_CLIENT_SECRET);
}

export function personUrn(memberId: string): string {
  return `urn:li:person:${memberId}`;
}

/** The consent page URL the member is sent to. */
export function authorizationUrl(state: string, redirectUri: string): string {
  const url = new URL(`${trimSlash(env().LINKEDIN_AUTH_URL)}/authorization`);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", clientCredentials().clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("state", state);
  url.searchParams.set("scope", linkedInScopes().join(" "));
  return url.toString();
}

/** Authorization code → tokens. */
export async function exchangeCode(
  code: string,
  redirectUri: string,
  opts: ClientOptions = {},
): Promise<TokenGrant> {
  const { clientId, clientSecret } = clientCredentials();
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri,
    client_id: clientId,
    client_secret: clientSecret,
  });
  const res = await request(`${trimSlash(env().LINKEDIN_AUTH_URL)}/accessToken`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
    opts,
    what: "exchanging the authorisation code",
  });
  const json = await readJson(res, "token");
  const accessToken = json.access_token;
  const expiresIn = json.expires_in;
  if (typeof accessToken !== "string" || !accessToken || typeof expiresIn !== "number") {
    throw malformed("LinkedIn's token answer has no access_token/expires_in", res.status);
  }
  const grant: TokenGrant = {
    accessToken,
    expiresIn,
    scope: typeof json.scope === "string" ? json.scope : "",
  };
  if (typeof json.refresh_token === "string" && json.refresh_token) {
    grant.refreshToken = json.refresh_token;
  }
  if (typeof json.refresh_token_expires_in === "number") {
    grant.refreshTokenExpiresIn = json.refresh_token_expires_in;
  }
  return grant;
}

/** OpenID userinfo: the member id (sub), name and email. */
export async function getUserInfo(
  accessToken: string,
  opts: ClientOptions = {},
): Promise<LinkedInUserInfo> {
  const res = await request(`${apiBase()}/v2/userinfo`, {
    method: "GET",
    headers: { Authorization: `Bearer ${accessToken}` },
    opts,
    what: "reading the LinkedIn profile",
  });
  const json = await readJson(res, "userinfo");
  if (typeof json.sub !== "string" || !json.sub) {
    throw malformed("LinkedIn's userinfo answer has no member id (sub)", res.status);
  }
  const name =
    typeof json.name === "string" && json.name
      ? json.name
      : [json.given_name, json.family_name].filter((p) => typeof p === "string").join(" ");
  const info: LinkedInUserInfo = { sub: json.sub, name };
  if (typeof json.email === "string" && json.email) info.email = json.email;
  return info;
}

/** Revokes an access token (disconnect). */
export async function revokeToken(accessToken: string, opts: ClientOptions = {}): Promise<void> {
  const { clientId, clientSecret } = clientCredentials();
  const res = await request(`${trimSlash(env().LINKEDIN_AUTH_URL)}/revoke`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: clientId,
      client_secret: clientSecret,
      token: accessToken,
    }),
    opts,
    what: "revoking the LinkedIn token",
  });
  await res.body?.cancel();
}

/** The JSON body of POST /rest/posts (exported for tests and previews). */
export function buildPostBody(input: CreatePostInput): Record<string, unknown> {
  const body: Record<string, unknown> = {
    author: input.authorUrn,
    commentary: escapeLittleText(input.commentary),
    visibility: "PUBLIC",
    distribution: {
      feedDistribution: "MAIN_FEED",
      targetEntities: [],
      thirdPartyDistributionChannels: [],
    },
    lifecycleState: "PUBLISHED",
    isReshareDisabledByAuthor: false,
  };
  if (input.article && input.imageUrn) {
    throw new LinkedInApiError({
      status: null,
      code: "bad_request",
      message: "A LinkedIn post carries either an article or an image, not both.",
    });
  }
  if (input.article) {
    const article: Record<string, string> = {
      source: input.article.source,
      title: input.article.title,
    };
    if (input.article.description) article.description = input.article.description;
    if (input.article.thumbnailUrn) article.thumbnail = input.article.thumbnailUrn;
    body.content = { article };
  } else if (input.imageUrn) {
    const media: Record<string, string> = { id: input.imageUrn };
    if (input.imageAlt) media.altText = input.imageAlt;
    body.content = { media };
  }
  return body;
}

/** Publishes a post as the member; the post URN comes from the x-restli-id header. */
export async function createPost(
  accessToken: string,
  input: CreatePostInput,
  opts: ClientOptions = {},
): Promise<{ postUrn: string }> {
  const res = await request(`${apiBase()}/rest/posts`, {
    method: "POST",
    headers: { ...restHeaders(accessToken), "Content-Type": "application/json" },
    body: JSON.stringify(buildPostBody(input)),
    opts,
    what: "publishing the post",
  });
  await res.body?.cancel();
  const postUrn = res.headers.get("x-restli-id") ?? res.headers.get("x-linkedin-id");
  if (!postUrn || !/^urn:li:(share|ugcPost):\S+$/.test(postUrn)) {
    throw malformed("LinkedIn accepted the post but sent no post id (x-restli-id)", res.status);
  }
  return { postUrn };
}

/** Image upload: initializeUpload, then PUT the bytes to the returned uploadUrl. → urn:li:image:… */
export async function uploadImage(
  accessToken: string,
  input: { ownerUrn: string; bytes: Uint8Array; contentType: string },
  opts: ClientOptions = {},
): Promise<string> {
  const init = await request(`${apiBase()}/rest/images?action=initializeUpload`, {
    method: "POST",
    headers: { ...restHeaders(accessToken), "Content-Type": "application/json" },
    body: JSON.stringify({ initializeUploadRequest: { owner: input.ownerUrn } }),
    opts,
    what: "starting the image upload",
  });
  const json = await readJson(init, "image upload");
  const value = json.value as Record<string, unknown> | undefined;
  const uploadUrl = value?.uploadUrl;
  const image = value?.image;
  if (
    typeof uploadUrl !== "string" ||
    !URL.canParse(uploadUrl) ||
    typeof image !== "string" ||
    !image.startsWith("urn:li:image:")
  ) {
    throw malformed("LinkedIn's image upload answer has no uploadUrl/image", init.status);
  }
  const put = await request(uploadUrl, {
    method: "PUT",
    headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": input.contentType },
    body: new Uint8Array(input.bytes),
    opts,
    what: "uploading the image",
  });
  await put.body?.cancel();
  return image;
}

const METRICS: [keyof PostAnalytics, string][] = [
  ["impressions", "IMPRESSION"],
  ["membersReached", "MEMBERS_REACHED"],
  ["reactions", "REACTION"],
  ["comments", "COMMENT"],
  ["reshares", "RESHARE"],
];

/** Lifetime totals of one of the member's posts (memberCreatorPostAnalytics, one call per metric). */
export async function getPostAnalytics(
  accessToken: string,
  postUrn: string,
  opts: ClientOptions = {},
): Promise<PostAnalytics> {
  const kind = postUrn.startsWith("urn:li:ugcPost:") ? "ugc" : "share";
  const entity = `(${kind}:${encodeURIComponent(postUrn)})`;
  const result = {} as PostAnalytics;
  for (const [field, queryType] of METRICS) {
    const url = `${apiBase()}/rest/memberCreatorPostAnalytics?q=entity&entity=${entity}&queryType=${queryType}&aggregation=TOTAL`;
    const res = await request(url, {
      method: "GET",
      headers: restHeaders(accessToken),
      opts,
      what: "reading post analytics",
    });
    const json = await readJson(res, "analytics");
    if (!Array.isArray(json.elements)) {
      throw malformed("LinkedIn's analytics answer has no elements", res.status);
    }
    let total = 0;
    for (const element of json.elements as unknown[]) {
      const count = (element as { count?: unknown } | null)?.count;
      if (typeof count !== "number" || !Number.isFinite(count) || count < 0) {
        throw malformed("LinkedIn's analytics answer has an element without a count", res.status);
      }
      total += count;
    }
    result[field] = total;
  }
  return result;
}

/**
 * Escapes plain text for LinkedIn's "little text" commentary format: the reserved characters
 * `\ | { } @ [ ] ( ) < > # * _ ~` are backslash-escaped, so they show as typed (no accidental
 * mentions or templates). Hashtags stay hashtags: `#word` at the start or after whitespace or
 * punctuation (a word being letters and digits in any script) becomes LinkedIn's documented
 * `{hashtag|\#|word}` (so "#1" is a hashtag too, as on LinkedIn). Any other `#` ("C#", a lone
 * "#") is escaped as `\#`.
 */
export function escapeLittleText(text: string): string {
  const reserved = /[\\|{}@[\]()<>#*_~]/;
  let out = "";
  let i = 0;
  const chars = Array.from(text);
  while (i < chars.length) {
    const ch = chars[i]!;
    if (ch === "#") {
      const prev = i === 0 ? "" : chars[i - 1]!;
      const atWordStart = prev === "" || !/[\p{L}\p{N}_]/u.test(prev);
      let j = i + 1;
      while (j < chars.length && /[\p{L}\p{N}]/u.test(chars[j]!)) j++;
      if (atWordStart && j > i + 1) {
        out += `{hashtag|\\#|${chars.slice(i + 1, j).join("")}}`;
        i = j;
        continue;
      }
    }
    out += reserved.test(ch) ? `\\${ch}` : ch;
    i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

function apiBase(): string {
  return trimSlash(env().LINKEDIN_API_URL);
}

function restHeaders(accessToken: string): Record<string, string> {
  return {
    Authorization: `Bearer ${accessToken}`,
    "LinkedIn-Version": env().LINKEDIN_API_VERSION,
    "X-Restli-Protocol-Version": RESTLI_PROTOCOL_VERSION,
  };
}

function clientCredentials(): { clientId: string; clientSecret: string } {
  const { LINKEDIN_CLIENT_ID, LINKEDIN_CLIENT_SECRET } = env();
  if (!LINKEDIN_CLIENT_ID || !LINKEDIN_CLIENT_SECRET) {
    throw new LinkedInApiError({
      status: null,
      code: "bad_request",
      message:
        "LinkedIn is not configured on this server (LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET).",
    });
  }
  return { clientId: LINKEDIN_CLIENT_ID, clientSecret: LINKEDIN_CLIENT_SECRET };
}

function malformed(message: string, status: number | null): LinkedInApiError {
  return new LinkedInApiError({ status, code: "malformed", message });
}

async function request(
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: BodyInit;
    opts: ClientOptions;
    what: string;
  },
): Promise<Response> {
  const timeoutMs = init.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: { Accept: "application/json", ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
      signal: controller.signal,
      redirect: "manual",
    });
  } catch (error) {
    clearTimeout(timer);
    if (controller.signal.aborted) {
      throw new LinkedInApiError({
        status: null,
        code: "timeout",
        message: `LinkedIn did not answer within ${Math.round(timeoutMs / 100) / 10} s while ${init.what}.`,
      });
    }
    throw new LinkedInApiError({
      status: null,
      code: "server",
      message: `LinkedIn could not be reached while ${init.what} (${(error as Error).message}).`,
    });
  }
  // The body is read by the caller; keep the timer running until then by wrapping the text read.
  if (res.ok) {
    return wrapWithTimer(res, timer, controller, timeoutMs, init.what);
  }
  let detail = "";
  try {
    detail = (await withTimeout(res.text(), controller)).slice(0, 300);
  } catch {
    // the status is enough
  } finally {
    clearTimeout(timer);
  }
  throw errorFor(res, init.what, detail);
}

function withTimeout<T>(promise: Promise<T>, controller: AbortController): Promise<T> {
  return promise.catch((error: unknown) => {
    if (controller.signal.aborted) throw new Error("timeout");
    throw error;
  });
}

function wrapWithTimer(
  res: Response,
  timer: NodeJS.Timeout,
  controller: AbortController,
  timeoutMs: number,
  what: string,
): Response {
  const text = res.text.bind(res);
  const clear = () => clearTimeout(timer);
  Object.defineProperty(res, "text", {
    value: async () => {
      try {
        return await text();
      } catch {
        if (controller.signal.aborted) {
          throw new LinkedInApiError({
            status: res.status,
            code: "timeout",
            message: `LinkedIn did not finish answering within ${Math.round(timeoutMs / 100) / 10} s while ${what}.`,
          });
        }
        throw new LinkedInApiError({
          status: res.status,
          code: "malformed",
          message: `LinkedIn's answer broke off while ${what}.`,
        });
      } finally {
        clear();
      }
    },
  });
  // Bodies that are cancelled instead of read must also stop the timer.
  if (res.body) {
    const cancel = res.body.cancel.bind(res.body);
    Object.defineProperty(res.body, "cancel", {
      value: async (reason?: unknown) => {
        clear();
        return cancel(reason);
      },
    });
  } else {
    clear();
  }
  return res;
}

/** LinkedIn's codes for a LinkedIn-Version it does not serve (retired, never released, missing). */
const VERSION_CODES = new Set(["NONEXISTENT_VERSION", "VERSION_MISSING", "VERSION_NOT_SUPPORTED"]);

/**
 * A version LinkedIn does not serve: HTTP 426 (its documented answer for a retired version:
 * `{"status":426,"code":"NONEXISTENT_VERSION","message":"Requested version 20241001 is not
 * active"}`), or another 4xx carrying one of the version codes.
 */
function isVersionRefusal(status: number, detail: string): boolean {
  if (status === 426) return true;
  if (status < 400 || status >= 500) return false;
  try {
    const code = (JSON.parse(detail) as { code?: unknown }).code;
    return typeof code === "string" && VERSION_CODES.has(code);
  } catch {
    return false;
  }
}

function errorFor(res: Response, what: string, detail: string): LinkedInApiError {
  const status = res.status;
  const suffix = detail ? ` LinkedIn said: ${summarise(detail)}` : "";
  if (isVersionRefusal(status, detail)) {
    const version = env().LINKEDIN_API_VERSION;
    return new LinkedInApiError({
      status,
      code: "version_unsupported",
      message: `LinkedIn no longer serves API version ${version} (LINKEDIN_API_VERSION) and refused the request while ${what} (${status}). LinkedIn retires each version about a year after its release: an admin must set LINKEDIN_API_VERSION to a current version (YYYYMM, see the README, “LinkedIn API version”) and restart Chorus.${suffix}`,
    });
  }
  if (status === 401 || status === 403) {
    return new LinkedInApiError({
      status,
      code: "unauthorized",
      message: `LinkedIn refused the connection while ${what} (${status}): reconnect LinkedIn.${suffix}`,
    });
  }
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(res.headers.get("retry-after"));
    return new LinkedInApiError({
      status,
      code: "rate_limited",
      message: `LinkedIn's rate limit was reached while ${what}; try again later.`,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    });
  }
  if (status >= 500) {
    return new LinkedInApiError({
      status,
      code: "server",
      message: `LinkedIn had a problem (${status}) while ${what}.`,
    });
  }
  return new LinkedInApiError({
    status,
    code: "bad_request",
    message: `LinkedIn rejected the request (${status}) while ${what}.${suffix}`,
  });
}

function summarise(detail: string): string {
  try {
    const json = JSON.parse(detail) as Record<string, unknown>;
    const message = json.message ?? json.error_description ?? json.error;
    if (typeof message === "string") return message.slice(0, 200);
  } catch {
    // not JSON
  }
  return detail.replace(/\s+/g, " ").slice(0, 200);
}

export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readJson(res: Response, what: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw malformed(`LinkedIn's ${what} answer is not JSON`, res.status);
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    throw malformed(`LinkedIn's ${what} answer is not a JSON object`, res.status);
  }
  return json as Record<string, unknown>;
}

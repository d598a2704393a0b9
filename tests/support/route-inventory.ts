/**
 * Every way into the app — route handlers, pages and server actions — with what each requires.
 * Kept beside the code and checked against it (tests/unit/route-inventory.test.ts fails when a
 * route, method, page or action is missing here, or when its guard in the code differs). The
 * security suites (tenant isolation, role matrix, bad input, CSRF, secrets) walk this list, so a
 * route added later is covered once it is listed — and it must be listed.
 */
import type { Permission } from "@/lib/domains/access/permissions";
import type { ApiScope } from "@/lib/domains/access/api-key-format";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

export type Guard =
  /** Anyone, signed in or not. `why` says why that is safe. */
  | { kind: "public"; why: string }
  /** Anyone holding a secret token carried by the request (invitation, unsubscribe link). */
  | { kind: "token"; why: string }
  /** A signed-in person, with or without an organisation (`userRoute`). */
  | { kind: "user" }
  /** A signed-in, active member whose role has `permission` (`orgRoute`, `requirePageAccess`). */
  | { kind: "org"; permission: Permission }
  /** An organisation API key with one of `scopes` (`apiKeyRoute`). */
  | { kind: "apiKey"; scopes: readonly ApiScope[] }
  /**
   * An organisation's SCIM bearer token (`scimRoute`): identity providers provisioning people and
   * teams. Never a session cookie. Errors in the SCIM error schema (RFC 7644 §3.12).
   */
  | { kind: "scimToken" };

/**
 * A path parameter that names a record: the model it points into (scoped by organisation), e.g.
 * `{ id: "ContentItem" }`; "User.handle" for a member's handle. The tenant-isolation suite calls
 * every route and page with such a parameter with another organisation's ids.
 */
export type IdParams = Record<string, string>;

/**
 * A path parameter that names no organisation record (a token, a share code, a storage key, an
 * Auth.js action), with the reason it needs no tenant-isolation probe of its own.
 */
export type NotIdParams = Record<string, string>;

/**
 * Every dynamic segment of a path (`[id]`, `[...key]`, `[[...slug]]`) is declared in exactly one of
 * `ids` and `notIds`; tests/unit/route-inventory.test.ts fails otherwise, so a new `[id]` cannot
 * slip past the tenant-isolation probes by being left out of `ids`.
 */
interface PathParams {
  ids?: IdParams;
  notIds?: NotIdParams;
}

export interface RouteHandlerEntry extends PathParams {
  type: "route";
  /** File under app/, e.g. "api/content/[id]/route.ts". */
  file: string;
  /** URL pattern, e.g. "/api/content/[id]". */
  path: string;
  methods: Partial<Record<HttpMethod, Guard>>;
}

export interface PageEntry extends PathParams {
  type: "page";
  file: string;
  path: string;
  guard: Guard;
}

export interface ServerActionEntry {
  type: "action";
  /** File under app/ with "use server". */
  file: string;
  /** Exported action name. */
  name: string;
  guard: Guard;
}

const org = (permission: Permission): Guard => ({ kind: "org", permission });
const user: Guard = { kind: "user" };
const pub = (why: string): Guard => ({ kind: "public", why });
const token = (why: string): Guard => ({ kind: "token", why });
const scim: Guard = { kind: "scimToken" };

export const ROUTE_HANDLERS: readonly RouteHandlerEntry[] = [
  {
    type: "route",
    file: "[code]/route.ts",
    path: "/[code]",
    methods: { GET: pub("tracked link redirect; unknown codes answer the friendly 404") },
    notIds: {
      code: "a share's public tracking code: the link itself, meant to be opened by anyone",
    },
  },
  {
    type: "route",
    file: "chorus.js/route.ts",
    path: "/chorus.js",
    methods: { GET: pub("static conversion snippet") },
  },
  {
    type: "route",
    file: "serwist/[path]/route.ts",
    path: "/serwist/[path]",
    methods: {
      GET: pub("the service worker script, built once per deploy; the same for everyone"),
    },
    notIds: {
      path: "a file name of the service worker build (sw.js); only names built at deploy time exist",
    },
  },
  {
    type: "route",
    file: "api/health/route.ts",
    path: "/api/health",
    methods: { GET: pub("liveness for load balancers; says nothing about data") },
  },
  {
    type: "route",
    file: "api/metrics/route.ts",
    path: "/api/metrics",
    methods: {
      GET: token(
        "Prometheus scrape: 404 unless METRICS_TOKEN is set, then its bearer token (constant-time compare); counts only, nothing of any organisation",
      ),
    },
  },
  {
    type: "route",
    file: "api/auth/[...nextauth]/route.ts",
    path: "/api/auth/[...nextauth]",
    methods: {
      GET: pub("Auth.js: session, providers, CSRF token, OAuth callbacks"),
      POST: pub("Auth.js: sign-in/sign-out with its own CSRF token"),
    },
    notIds: { nextauth: "the Auth.js action (session, csrf, signin/<provider>, callback/…)" },
  },
  {
    type: "route",
    file: "api/files/[...key]/route.ts",
    path: "/api/files/[...key]",
    methods: {
      GET: pub("logos and post images by unguessable key; suggestion photos checked inside"),
    },
    notIds: {
      key: "a storage key (random, unguessable); private suggestion photos are checked inside and probed across organisations by the tenant-isolation suite",
    },
  },
  {
    type: "route",
    file: "api/v1/openapi.json/route.ts",
    path: "/api/v1/openapi.json",
    methods: { GET: pub("API description") },
  },
  {
    type: "route",
    file: "api/v1/conversions/route.ts",
    path: "/api/v1/conversions",
    methods: {
      GET: { kind: "apiKey", scopes: ["read"] },
      POST: { kind: "apiKey", scopes: ["conversions:write", "conversions:browser"] },
      OPTIONS: pub("CORS preflight"),
    },
  },
  {
    type: "route",
    file: "api/v1/items/route.ts",
    path: "/api/v1/items",
    methods: { GET: { kind: "apiKey", scopes: ["read"] } },
  },
  {
    type: "route",
    file: "api/v1/shares/route.ts",
    path: "/api/v1/shares",
    methods: { GET: { kind: "apiKey", scopes: ["read"] } },
  },
  {
    type: "route",
    file: "api/v1/members/route.ts",
    path: "/api/v1/members",
    methods: { GET: { kind: "apiKey", scopes: ["read"] } },
  },
  {
    type: "route",
    file: "api/v1/teams/route.ts",
    path: "/api/v1/teams",
    methods: { GET: { kind: "apiKey", scopes: ["read"] } },
  },
  {
    type: "route",
    file: "api/v1/stats/daily/route.ts",
    path: "/api/v1/stats/daily",
    methods: { GET: { kind: "apiKey", scopes: ["read"] } },
  },
  {
    type: "route",
    file: "api/v1/campaigns/route.ts",
    path: "/api/v1/campaigns",
    methods: { GET: { kind: "apiKey", scopes: ["read"] } },
  },
  {
    type: "route",
    file: "api/email/unsubscribe/route.ts",
    path: "/api/email/unsubscribe",
    methods: {
      GET: token("signed unsubscribe token (RFC 8058 link)"),
      POST: token("signed unsubscribe token (RFC 8058 one-click)"),
    },
  },
  {
    type: "route",
    file: "api/invitations/accept/route.ts",
    path: "/api/invitations/accept",
    methods: { POST: user },
  },
  {
    type: "route",
    file: "api/org/switch/route.ts",
    path: "/api/org/switch",
    methods: { POST: user },
  },
  {
    type: "route",
    file: "api/org/sso/route.ts",
    path: "/api/org/sso",
    methods: { GET: org("org:update"), PUT: org("org:update") },
  },
  {
    type: "route",
    file: "api/org/sso/domains/route.ts",
    path: "/api/org/sso/domains",
    methods: { POST: org("org:update") },
  },
  {
    type: "route",
    file: "api/org/sso/domains/[id]/route.ts",
    path: "/api/org/sso/domains/[id]",
    methods: { DELETE: org("org:update") },
    ids: { id: "OrgSsoDomain" },
  },
  {
    type: "route",
    file: "api/org/sso/domains/[id]/verify/route.ts",
    path: "/api/org/sso/domains/[id]/verify",
    methods: { POST: org("org:update") },
    ids: { id: "OrgSsoDomain" },
  },
  {
    type: "route",
    file: "api/sso/[slug]/saml/metadata/route.ts",
    path: "/api/sso/[slug]/saml/metadata",
    methods: { GET: pub("SAML service provider metadata: public by design (entity id, ACS URL)") },
    notIds: { slug: "the organisation's public slug: the SP metadata names it anyway" },
  },
  {
    type: "route",
    file: "api/sso/[slug]/saml/login/route.ts",
    path: "/api/sso/[slug]/saml/login",
    methods: { GET: pub("starts the organisation's SAML sign-in (a redirect to its IdP)") },
    notIds: { slug: "the organisation's public slug: only starts its sign-in" },
  },
  {
    type: "route",
    file: "api/sso/[slug]/saml/acs/route.ts",
    path: "/api/sso/[slug]/saml/acs",
    methods: {
      POST: pub("SAML ACS: the IdP's signed assertion is the credential (posted cross-site)"),
    },
    notIds: { slug: "the organisation's public slug: its IdP's certificates verify the post" },
  },
  {
    type: "route",
    file: "api/sso/[slug]/oidc/login/route.ts",
    path: "/api/sso/[slug]/oidc/login",
    methods: { GET: pub("starts the organisation's OpenID Connect sign-in (redirect)") },
    notIds: { slug: "the organisation's public slug: only starts its sign-in" },
  },
  {
    type: "route",
    file: "api/sso/[slug]/oidc/callback/route.ts",
    path: "/api/sso/[slug]/oidc/callback",
    methods: { GET: pub("OIDC callback: state cookie + PKCE + the IdP's ID token") },
    notIds: { slug: "the organisation's public slug: state and tokens decide" },
  },
  {
    type: "route",
    file: "api/analytics/export/route.ts",
    path: "/api/analytics/export",
    methods: { GET: org("analytics:export") },
  },
  {
    type: "route",
    file: "api/api-keys/route.ts",
    path: "/api/api-keys",
    methods: { GET: org("apikeys:manage"), POST: org("apikeys:manage") },
  },
  {
    type: "route",
    file: "api/api-keys/[id]/route.ts",
    path: "/api/api-keys/[id]",
    methods: { DELETE: org("apikeys:manage") },
    ids: { id: "ApiKey" },
  },
  {
    type: "route",
    file: "api/scim-tokens/route.ts",
    path: "/api/scim-tokens",
    methods: { GET: org("scim:manage"), POST: org("scim:manage") },
  },
  {
    type: "route",
    file: "api/scim-tokens/[id]/route.ts",
    path: "/api/scim-tokens/[id]",
    methods: { DELETE: org("scim:manage") },
    ids: { id: "ScimToken" },
  },
  {
    type: "route",
    file: "scim/v2/Users/route.ts",
    path: "/scim/v2/Users",
    methods: { GET: scim, POST: scim },
  },
  {
    type: "route",
    file: "scim/v2/Users/[id]/route.ts",
    path: "/scim/v2/Users/[id]",
    methods: { GET: scim, PUT: scim, PATCH: scim, DELETE: scim },
    notIds: {
      id: "a membership id, looked up only inside the SCIM token's organisation; probed across organisations by tests/integration/scim (another organisation's id → 404)",
    },
  },
  {
    type: "route",
    file: "scim/v2/Groups/route.ts",
    path: "/scim/v2/Groups",
    methods: { GET: scim, POST: scim },
  },
  {
    type: "route",
    file: "scim/v2/Groups/[id]/route.ts",
    path: "/scim/v2/Groups/[id]",
    methods: { GET: scim, PUT: scim, PATCH: scim, DELETE: scim },
    notIds: {
      id: "a team id, looked up only inside the SCIM token's organisation; probed across organisations by tests/integration/scim (another organisation's id → 404)",
    },
  },
  {
    type: "route",
    file: "scim/v2/ServiceProviderConfig/route.ts",
    path: "/scim/v2/ServiceProviderConfig",
    methods: { GET: scim },
  },
  {
    type: "route",
    file: "scim/v2/ResourceTypes/route.ts",
    path: "/scim/v2/ResourceTypes",
    methods: { GET: scim },
  },
  {
    type: "route",
    file: "scim/v2/Schemas/route.ts",
    path: "/scim/v2/Schemas",
    methods: { GET: scim },
  },
  {
    type: "route",
    file: "api/audit/route.ts",
    path: "/api/audit",
    methods: { GET: org("audit:read") },
  },
  {
    type: "route",
    file: "api/audit/export/route.ts",
    path: "/api/audit/export",
    methods: { GET: org("audit:read") },
  },
  {
    type: "route",
    file: "api/campaigns/route.ts",
    path: "/api/campaigns",
    methods: { GET: org("content:manage"), POST: org("content:manage") },
  },
  {
    type: "route",
    file: "api/campaigns/[id]/route.ts",
    path: "/api/campaigns/[id]",
    methods: {
      GET: org("content:manage"),
      PATCH: org("content:manage"),
      DELETE: org("content:manage"),
    },
    ids: { id: "Campaign" },
  },
  {
    type: "route",
    file: "api/campaigns/[id]/export/route.ts",
    path: "/api/campaigns/[id]/export",
    methods: { GET: org("analytics:export") },
    ids: { id: "Campaign" },
  },
  {
    type: "route",
    file: "api/content/route.ts",
    path: "/api/content",
    methods: { GET: org("content:manage"), POST: org("content:manage") },
  },
  {
    type: "route",
    file: "api/content/mix/route.ts",
    path: "/api/content/mix",
    methods: { GET: org("content:manage") },
  },
  {
    type: "route",
    file: "api/content/link-preview/route.ts",
    path: "/api/content/link-preview",
    methods: { POST: org("content:manage") },
  },
  {
    type: "route",
    file: "api/content/[id]/route.ts",
    path: "/api/content/[id]",
    methods: {
      GET: org("content:manage"),
      PATCH: org("content:manage"),
      DELETE: org("content:manage"),
    },
    ids: { id: "ContentItem" },
  },
  {
    type: "route",
    file: "api/content/[id]/images/route.ts",
    path: "/api/content/[id]/images",
    methods: { POST: org("content:manage") },
    ids: { id: "ContentItem" },
  },
  {
    type: "route",
    file: "api/content/[id]/images/[imageId]/route.ts",
    path: "/api/content/[id]/images/[imageId]",
    methods: { DELETE: org("content:manage") },
    ids: { id: "ContentItem", imageId: "ContentImage" },
  },
  {
    type: "route",
    file: "api/content/[id]/transitions/route.ts",
    path: "/api/content/[id]/transitions",
    methods: { POST: org("content:approve") },
    ids: { id: "ContentItem" },
  },
  {
    type: "route",
    file: "api/email/deliveries/route.ts",
    path: "/api/email/deliveries",
    methods: { GET: org("org:update") },
  },
  {
    type: "route",
    file: "api/email/deliveries/[id]/retry/route.ts",
    path: "/api/email/deliveries/[id]/retry",
    methods: { POST: org("org:update") },
    ids: { id: "EmailDelivery" },
  },
  {
    type: "route",
    file: "api/email/digest-preview/route.ts",
    path: "/api/email/digest-preview",
    methods: { GET: org("org:update") },
  },
  {
    type: "route",
    file: "api/email/preferences/route.ts",
    path: "/api/email/preferences",
    methods: { GET: org("profile:update"), PUT: org("profile:update") },
  },
  {
    type: "route",
    file: "api/feed/route.ts",
    path: "/api/feed",
    methods: { GET: org("feed:read") },
  },
  {
    type: "route",
    file: "api/feed/[id]/route.ts",
    path: "/api/feed/[id]",
    methods: { GET: org("feed:read") },
    ids: { id: "ContentItem" },
  },
  {
    type: "route",
    file: "api/invitations/route.ts",
    path: "/api/invitations",
    methods: { GET: org("members:invite"), POST: org("members:invite") },
  },
  {
    type: "route",
    file: "api/invitations/[id]/route.ts",
    path: "/api/invitations/[id]",
    methods: { DELETE: org("members:invite") },
    ids: { id: "Invitation" },
  },
  {
    type: "route",
    file: "api/invitations/import/route.ts",
    path: "/api/invitations/import",
    methods: { POST: org("members:invite") },
  },
  {
    type: "route",
    file: "api/linkedin/connect/route.ts",
    path: "/api/linkedin/connect",
    methods: { GET: org("shares:create") },
  },
  {
    type: "route",
    file: "api/linkedin/callback/route.ts",
    path: "/api/linkedin/callback",
    methods: { GET: org("shares:create") },
  },
  {
    type: "route",
    file: "api/linkedin/connection/route.ts",
    path: "/api/linkedin/connection",
    methods: { GET: org("shares:create"), DELETE: org("shares:create") },
  },
  {
    type: "route",
    file: "api/locations/route.ts",
    path: "/api/locations",
    methods: { GET: org("teams:read"), POST: org("teams:manage") },
  },
  {
    type: "route",
    file: "api/topics/route.ts",
    path: "/api/topics",
    methods: { GET: org("feed:read"), POST: org("content:manage") },
  },
  {
    type: "route",
    file: "api/topics/[id]/route.ts",
    path: "/api/topics/[id]",
    methods: { PATCH: org("content:manage"), DELETE: org("content:manage") },
    ids: { id: "Topic" },
  },
  {
    type: "route",
    file: "api/sources/route.ts",
    path: "/api/sources",
    methods: { GET: org("content:manage"), POST: org("content:manage") },
  },
  {
    type: "route",
    file: "api/sources/[id]/route.ts",
    path: "/api/sources/[id]",
    methods: { PATCH: org("content:manage"), DELETE: org("content:manage") },
    ids: { id: "ContentSource" },
  },
  {
    type: "route",
    file: "api/sources/[id]/poll/route.ts",
    path: "/api/sources/[id]/poll",
    methods: { POST: org("content:manage") },
    ids: { id: "ContentSource" },
  },
  {
    type: "route",
    file: "api/source-entries/[id]/draft/route.ts",
    path: "/api/source-entries/[id]/draft",
    methods: { POST: org("content:manage") },
    ids: { id: "SourceEntry" },
  },
  {
    type: "route",
    file: "api/source-entries/[id]/dismiss/route.ts",
    path: "/api/source-entries/[id]/dismiss",
    methods: { POST: org("content:manage") },
    ids: { id: "SourceEntry" },
  },
  {
    type: "route",
    file: "api/profile/topics/route.ts",
    path: "/api/profile/topics",
    methods: { GET: org("profile:update"), PUT: org("profile:update") },
  },
  {
    type: "route",
    file: "api/profile/onboarding/route.ts",
    path: "/api/profile/onboarding",
    methods: { POST: org("profile:update") },
  },
  {
    type: "route",
    file: "api/locations/[id]/route.ts",
    path: "/api/locations/[id]",
    methods: { PATCH: org("teams:manage"), DELETE: org("teams:manage") },
    ids: { id: "Location" },
  },
  {
    type: "route",
    file: "api/members/route.ts",
    path: "/api/members",
    methods: { GET: org("members:read") },
  },
  {
    type: "route",
    file: "api/members/[id]/route.ts",
    path: "/api/members/[id]",
    methods: { PATCH: org("members:update") },
    ids: { id: "Membership" },
  },
  {
    type: "route",
    file: "api/notifications/route.ts",
    path: "/api/notifications",
    methods: { GET: org("org:read") },
  },
  {
    type: "route",
    file: "api/notifications/[id]/read/route.ts",
    path: "/api/notifications/[id]/read",
    methods: { POST: org("org:read") },
    ids: { id: "Notification" },
  },
  {
    type: "route",
    file: "api/notifications/read-all/route.ts",
    path: "/api/notifications/read-all",
    methods: { POST: org("org:read") },
  },
  {
    type: "route",
    file: "api/push/subscriptions/route.ts",
    path: "/api/push/subscriptions",
    methods: { POST: org("profile:update") },
  },
  {
    type: "route",
    file: "api/push/subscriptions/[id]/route.ts",
    path: "/api/push/subscriptions/[id]",
    methods: { DELETE: org("profile:update") },
    ids: { id: "PushSubscription" },
  },
  {
    type: "route",
    file: "api/push/preferences/route.ts",
    path: "/api/push/preferences",
    methods: { PATCH: org("profile:update") },
  },
  {
    type: "route",
    file: "api/org/route.ts",
    path: "/api/org",
    methods: { GET: org("org:read"), PATCH: org("org:update") },
  },
  {
    type: "route",
    file: "api/org/logo/route.ts",
    path: "/api/org/logo",
    methods: { POST: org("org:update"), DELETE: org("org:update") },
  },
  {
    type: "route",
    file: "api/people/[handle]/route.ts",
    path: "/api/people/[handle]",
    methods: { GET: org("org:read") },
    ids: { handle: "User.handle" },
  },
  {
    type: "route",
    file: "api/profile/route.ts",
    path: "/api/profile",
    methods: { GET: org("profile:update"), PATCH: org("profile:update") },
  },
  {
    type: "route",
    file: "api/profile/leaderboard/route.ts",
    path: "/api/profile/leaderboard",
    methods: { GET: org("profile:update"), PUT: org("profile:update") },
  },
  {
    type: "route",
    file: "api/badges/[id]/route.ts",
    path: "/api/badges/[id]",
    methods: { PATCH: org("org:update") },
    ids: { id: "BadgeDefinition" },
  },
  {
    type: "route",
    file: "api/settings/analytics/route.ts",
    path: "/api/settings/analytics",
    methods: { GET: org("org:update"), PATCH: org("org:update") },
  },
  {
    type: "route",
    file: "api/settings/rewards/route.ts",
    path: "/api/settings/rewards",
    methods: { GET: org("org:update"), PATCH: org("org:update") },
  },
  {
    type: "route",
    file: "api/settings/ai/route.ts",
    path: "/api/settings/ai",
    methods: { GET: org("org:update"), PATCH: org("org:update") },
  },
  {
    type: "route",
    file: "api/ai/captions/route.ts",
    path: "/api/ai/captions",
    methods: { POST: org("content:manage") },
  },
  {
    type: "route",
    file: "api/ai/hashtags/route.ts",
    path: "/api/ai/hashtags",
    methods: { POST: org("content:manage") },
  },
  {
    type: "route",
    file: "api/ai/value-type/route.ts",
    path: "/api/ai/value-type",
    methods: { POST: org("content:manage") },
  },
  {
    type: "route",
    file: "api/ai/translate/route.ts",
    path: "/api/ai/translate",
    methods: { POST: org("content:manage") },
  },
  {
    type: "route",
    file: "api/ai/my-words/route.ts",
    path: "/api/ai/my-words",
    methods: { POST: org("shares:create") },
  },
  {
    type: "route",
    file: "api/settings/approval-stages/route.ts",
    path: "/api/settings/approval-stages",
    methods: { GET: org("org:update"), POST: org("org:update"), PUT: org("org:update") },
  },
  {
    type: "route",
    file: "api/settings/approval-stages/[id]/route.ts",
    path: "/api/settings/approval-stages/[id]",
    methods: { PATCH: org("org:update"), DELETE: org("org:update") },
    ids: { id: "ApprovalStage" },
  },
  {
    type: "route",
    file: "api/settings/guardrails/route.ts",
    path: "/api/settings/guardrails",
    methods: { GET: org("feed:read"), PATCH: org("org:update") },
  },
  {
    type: "route",
    file: "api/reminders/route.ts",
    path: "/api/reminders",
    methods: { GET: org("shares:create"), POST: org("shares:create") },
  },
  {
    type: "route",
    file: "api/reminders/[id]/route.ts",
    path: "/api/reminders/[id]",
    methods: { DELETE: org("shares:create") },
    ids: { id: "ShareReminder" },
  },
  {
    type: "route",
    file: "api/shares/route.ts",
    path: "/api/shares",
    methods: { GET: org("shares:create"), POST: org("shares:create") },
  },
  {
    type: "route",
    file: "api/shares/[id]/confirm/route.ts",
    path: "/api/shares/[id]/confirm",
    methods: { POST: org("shares:create") },
    ids: { id: "Share" },
  },
  {
    type: "route",
    file: "api/shares/[id]/retry/route.ts",
    path: "/api/shares/[id]/retry",
    methods: { POST: org("shares:create") },
    ids: { id: "Share" },
  },
  {
    type: "route",
    file: "api/shares/[id]/schedule/route.ts",
    path: "/api/shares/[id]/schedule",
    methods: { DELETE: org("shares:create") },
    ids: { id: "Share" },
  },
  {
    type: "route",
    file: "api/suggestions/route.ts",
    path: "/api/suggestions",
    methods: { GET: org("suggestions:create"), POST: org("suggestions:create") },
  },
  {
    type: "route",
    file: "api/suggestions/[id]/images/route.ts",
    path: "/api/suggestions/[id]/images",
    methods: { POST: org("suggestions:create") },
    ids: { id: "Suggestion" },
  },
  {
    type: "route",
    file: "api/suggestions/[id]/accept/route.ts",
    path: "/api/suggestions/[id]/accept",
    methods: { POST: org("suggestions:moderate") },
    ids: { id: "Suggestion" },
  },
  {
    type: "route",
    file: "api/suggestions/[id]/reject/route.ts",
    path: "/api/suggestions/[id]/reject",
    methods: { POST: org("suggestions:moderate") },
    ids: { id: "Suggestion" },
  },
  {
    type: "route",
    file: "api/teams/route.ts",
    path: "/api/teams",
    methods: { GET: org("teams:read"), POST: org("teams:manage") },
  },
  {
    type: "route",
    file: "api/teams/[id]/route.ts",
    path: "/api/teams/[id]",
    methods: { GET: org("teams:read"), PATCH: org("teams:manage"), DELETE: org("teams:manage") },
    ids: { id: "Team" },
  },
  {
    type: "route",
    file: "api/connectors/route.ts",
    path: "/api/connectors",
    methods: { GET: org("connectors:manage"), POST: org("connectors:manage") },
  },
  {
    type: "route",
    file: "api/connectors/[id]/route.ts",
    path: "/api/connectors/[id]",
    methods: { PATCH: org("connectors:manage"), DELETE: org("connectors:manage") },
    ids: { id: "ConnectorConnection" },
  },
  {
    type: "route",
    file: "api/connectors/[id]/sync/route.ts",
    path: "/api/connectors/[id]/sync",
    methods: { POST: org("connectors:manage") },
    ids: { id: "ConnectorConnection" },
  },
  {
    type: "route",
    file: "api/connectors/preview/route.ts",
    path: "/api/connectors/preview",
    methods: { POST: org("connectors:manage") },
  },
  {
    type: "route",
    file: "api/inbound/[id]/route.ts",
    path: "/api/inbound/[id]",
    methods: {
      POST: token(
        "the inbound webhook's secret (Bearer or HMAC-SHA256 body signature), encrypted at rest",
      ),
    },
    notIds: {
      id: "the inbound webhook's connection id, authenticated by its secret (not a session): a wrong secret is a 401, an unknown or paused connection a 404",
    },
  },
  {
    type: "route",
    file: "api/webhooks/route.ts",
    path: "/api/webhooks",
    methods: { GET: org("org:update"), POST: org("org:update") },
  },
  {
    type: "route",
    file: "api/webhooks/[id]/route.ts",
    path: "/api/webhooks/[id]",
    methods: { PATCH: org("org:update"), DELETE: org("org:update") },
    ids: { id: "WebhookEndpoint" },
  },
  {
    type: "route",
    file: "api/webhooks/[id]/test/route.ts",
    path: "/api/webhooks/[id]/test",
    methods: { POST: org("org:update") },
    ids: { id: "WebhookEndpoint" },
  },
  {
    type: "route",
    file: "api/webhooks/deliveries/[id]/retry/route.ts",
    path: "/api/webhooks/deliveries/[id]/retry",
    methods: { POST: org("org:update") },
    ids: { id: "WebhookDelivery" },
  },
  {
    type: "route",
    file: "api/developer-webhooks/route.ts",
    path: "/api/developer-webhooks",
    methods: { GET: org("org:update"), POST: org("org:update") },
  },
  {
    type: "route",
    file: "api/developer-webhooks/[id]/route.ts",
    path: "/api/developer-webhooks/[id]",
    methods: { PATCH: org("org:update"), DELETE: org("org:update") },
    ids: { id: "DeveloperWebhook" },
  },
  {
    type: "route",
    file: "api/developer-webhooks/deliveries/[id]/replay/route.ts",
    path: "/api/developer-webhooks/deliveries/[id]/replay",
    methods: { POST: org("org:update") },
    ids: { id: "DeveloperWebhookDelivery" },
  },
];

export const PAGES: readonly PageEntry[] = [
  { type: "page", file: "page.tsx", path: "/", guard: pub("sends people to sign-in or home") },
  { type: "page", file: "(auth)/signin/page.tsx", path: "/signin", guard: pub("sign-in form") },
  { type: "page", file: "(auth)/signup/page.tsx", path: "/signup", guard: pub("sign-up form") },
  {
    type: "page",
    file: "(auth)/forgot-password/page.tsx",
    path: "/forgot-password",
    guard: pub("asks for a reset link; the same answer for every address"),
  },
  {
    type: "page",
    file: "(auth)/reset-password/[token]/page.tsx",
    path: "/reset-password/[token]",
    guard: token("password reset token (SHA-256 at rest, single use, one hour)"),
    notIds: { token: "the reset token from the email: the credential itself, not a record id" },
  },
  {
    type: "page",
    file: "(auth)/invite/[token]/page.tsx",
    path: "/invite/[token]",
    guard: token("invitation token (hashed at rest)"),
    notIds: { token: "the invitation token from the link: the credential itself, not a record id" },
  },
  { type: "page", file: "(auth)/welcome/page.tsx", path: "/welcome", guard: user },
  {
    type: "page",
    file: "p/[org]/[slug]/page.tsx",
    path: "/p/[org]/[slug]",
    guard: pub("public page of a live, public post (OG tags)"),
    notIds: {
      org: "an organisation's public slug (the page is public); probed across organisations by the tenant-isolation suite",
      slug: "a public post's slug, looked up within [org]; drafts and other organisations' posts are probed by the tenant-isolation suite",
    },
  },
  {
    type: "page",
    file: "unsubscribe/page.tsx",
    path: "/unsubscribe",
    guard: token("signed unsubscribe token"),
  },
  { type: "page", file: "(app)/activity/page.tsx", path: "/activity", guard: org("shares:create") },
  { type: "page", file: "(app)/admin/page.tsx", path: "/admin", guard: org("org:update") },
  {
    type: "page",
    file: "(app)/admin/audit/page.tsx",
    path: "/admin/audit",
    guard: org("audit:read"),
  },
  {
    type: "page",
    file: "(app)/admin/emails/page.tsx",
    path: "/admin/emails",
    guard: org("org:update"),
  },
  {
    type: "page",
    file: "(app)/admin/integrations/page.tsx",
    path: "/admin/integrations",
    guard: org("org:update"),
  },
  {
    type: "page",
    file: "(app)/admin/members/page.tsx",
    path: "/admin/members",
    guard: org("members:update"),
  },
  {
    type: "page",
    file: "(app)/admin/members/import/page.tsx",
    path: "/admin/members/import",
    guard: org("members:invite"),
  },
  {
    type: "page",
    file: "(app)/admin/settings/page.tsx",
    path: "/admin/settings",
    guard: org("org:update"),
  },
  {
    type: "page",
    file: "(app)/studio/sources/page.tsx",
    path: "/studio/sources",
    guard: org("content:manage"),
  },
  {
    type: "page",
    file: "(app)/studio/sources/manage/page.tsx",
    path: "/studio/sources/manage",
    guard: org("content:manage"),
  },
  {
    type: "page",
    file: "(app)/admin/topics/page.tsx",
    path: "/admin/topics",
    guard: org("content:manage"),
  },
  {
    type: "page",
    file: "(app)/admin/locations/page.tsx",
    path: "/admin/locations",
    guard: org("teams:manage"),
  },
  {
    type: "page",
    file: "(app)/admin/teams/page.tsx",
    path: "/admin/teams",
    guard: org("teams:manage"),
  },
  {
    type: "page",
    file: "(app)/admin/teams/[id]/page.tsx",
    path: "/admin/teams/[id]",
    guard: org("teams:manage"),
    ids: { id: "Team" },
  },
  {
    type: "page",
    file: "(app)/dashboard/page.tsx",
    path: "/dashboard",
    guard: org("dashboard:read"),
  },
  {
    type: "page",
    file: "(app)/dashboard/content/[id]/page.tsx",
    path: "/dashboard/content/[id]",
    guard: org("dashboard:read"),
    ids: { id: "ContentItem" },
  },
  { type: "page", file: "(app)/feed/page.tsx", path: "/feed", guard: org("feed:read") },
  {
    type: "page",
    file: "(app)/people/[handle]/page.tsx",
    path: "/people/[handle]",
    guard: org("org:read"),
    ids: { handle: "User.handle" },
  },
  { type: "page", file: "(app)/profile/page.tsx", path: "/profile", guard: org("profile:update") },
  {
    type: "page",
    file: "(app)/leaderboard/page.tsx",
    path: "/leaderboard",
    guard: org("feed:read"),
  },
  {
    type: "page",
    file: "(app)/share/[id]/page.tsx",
    path: "/share/[id]",
    guard: org("shares:create"),
    ids: { id: "ContentItem" },
  },
  { type: "page", file: "(app)/studio/page.tsx", path: "/studio", guard: org("content:manage") },
  {
    type: "page",
    file: "(app)/studio/[id]/page.tsx",
    path: "/studio/[id]",
    guard: org("content:manage"),
    ids: { id: "ContentItem" },
  },
  {
    type: "page",
    file: "(app)/studio/calendar/page.tsx",
    path: "/studio/calendar",
    guard: org("content:manage"),
  },
  {
    type: "page",
    file: "(app)/studio/new/page.tsx",
    path: "/studio/new",
    guard: org("content:manage"),
  },
  {
    type: "page",
    file: "(app)/studio/campaigns/page.tsx",
    path: "/studio/campaigns",
    guard: org("content:manage"),
  },
  {
    type: "page",
    file: "(app)/studio/campaigns/new/page.tsx",
    path: "/studio/campaigns/new",
    guard: org("content:manage"),
  },
  {
    type: "page",
    file: "(app)/studio/campaigns/[id]/page.tsx",
    path: "/studio/campaigns/[id]",
    guard: org("content:manage"),
    ids: { id: "Campaign" },
  },
  {
    type: "page",
    file: "(app)/studio/suggestions/page.tsx",
    path: "/studio/suggestions",
    guard: org("suggestions:moderate"),
  },
  {
    type: "page",
    file: "(app)/suggest/page.tsx",
    path: "/suggest",
    guard: org("suggestions:create"),
  },
];

export const SERVER_ACTIONS: readonly ServerActionEntry[] = [
  {
    type: "action",
    file: "(auth)/actions.ts",
    name: "signInAction",
    guard: pub("password sign-in, rate limited per address and per e-mail"),
  },
  {
    type: "action",
    file: "(auth)/actions.ts",
    name: "signUpAction",
    guard: pub("creates an account, rate limited per address"),
  },
  {
    type: "action",
    file: "(auth)/forgot-password/actions.ts",
    name: "requestPasswordResetAction",
    guard: pub("emails a reset link; neutral answer, rate limited per address and per e-mail"),
  },
  {
    type: "action",
    file: "(auth)/reset-password/actions.ts",
    name: "resetPasswordAction",
    guard: pub("needs a valid reset token from the form; rate limited per address"),
  },
  {
    type: "action",
    file: "(auth)/actions.ts",
    name: "ssoSignInAction",
    guard: pub("starts the identity provider's sign-in"),
  },
  {
    type: "action",
    file: "(auth)/actions.ts",
    name: "ssoDiscoverAction",
    guard: pub("finds the SSO sign-in of a work email's verified domain; rate limited"),
  },
  { type: "action", file: "(auth)/actions.ts", name: "signOutAction", guard: user },
  {
    type: "action",
    file: "(auth)/welcome/actions.ts",
    name: "createOrganizationAction",
    guard: user,
  },
];

export type InventoryEntry = RouteHandlerEntry | PageEntry | ServerActionEntry;

export const ROUTE_INVENTORY: readonly InventoryEntry[] = [
  ...ROUTE_HANDLERS,
  ...PAGES,
  ...SERVER_ACTIONS,
];

/** A dynamic segment of a URL pattern: `[id]`, `[...key]` (catch-all), `[[...slug]]` (optional). */
export interface PathParam {
  name: string;
  catchAll: boolean;
}

/** The dynamic segments of a URL pattern, in order. */
export function pathParams(path: string): PathParam[] {
  return [...path.matchAll(/\[\[?(\.\.\.)?([^\]]+?)\]\]?/g)].map((m) => ({
    name: m[2]!,
    catchAll: Boolean(m[1]),
  }));
}

/** The URL pattern a file under app/ serves: route groups dropped, "route.ts"/"page.tsx" removed. */
export function pathOfFile(file: string): string {
  const segments = file
    .split("/")
    .slice(0, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

/** Methods that change something: CSRF and role checks apply to these. */
export function isMutation(method: HttpMethod): boolean {
  return method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
}

export function describeGuard(guard: Guard): string {
  switch (guard.kind) {
    case "public":
      return "anyone";
    case "token":
      return "token holder";
    case "user":
      return "signed in";
    case "org":
      return guard.permission;
    case "apiKey":
      return `API key (${guard.scopes.join(" | ")})`;
    case "scimToken":
      return "SCIM token";
  }
}

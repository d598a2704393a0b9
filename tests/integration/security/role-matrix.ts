/**
 * THE ROLE MATRIX — who may do what, written out by hand so a reviewer can read it.
 *
 * One row per mutation (every non-GET method of every route handler in the route inventory, and
 * every server action), plus the GET reads that expose an organisation's data. Columns:
 *
 *   ADMIN, MANAG., EMPLOY     an active member of the organisation with that role (admin,
 *                             manager, employee)
 *   DEACT.                    a signed-in person whose membership of the organisation is deactivated
 *   ANON                      nobody signed in
 *
 * `allow` = the request succeeds (2xx, or the route's documented redirect); `deny` = it is refused
 * (401 for ANON, 403 for a role without the permission or a deactivated member, unless the row's
 * `expect` says otherwise) and the organisation's data stays exactly as it was.
 *
 * tests/integration/security/role-matrix.test.ts checks that this table agrees with the guards in
 * tests/support/route-inventory.ts and the roles in lib/domains/access/permissions.ts (a cell that differs
 * from what the guard implies needs a note), that every mutation in the inventory has a row, and
 * then makes every request of every row as every column.
 */
import type { HttpMethod } from "@/tests/support/route-inventory";

export type Cell = "allow" | "deny";
export const ACTORS = ["ADMIN", "MANAGER", "EMPLOYEE", "DEACTIVATED", "ANONYMOUS"] as const;
export type Actor = (typeof ACTORS)[number];

export interface MatrixRow {
  area: string;
  /** An HTTP method, or "ACTION" for a server action. */
  method: HttpMethod | "ACTION";
  /** URL pattern as in the inventory, or "<file under app/>#<action name>". */
  route: string;
  cells: Record<Actor, Cell>;
  /** Why a surprising cell is what it is; how a server action is exercised. */
  note?: string;
  /** Statuses other than the defaults (2xx allow, 401 ANON, 403 otherwise). */
  expect?: Partial<Record<Actor, number>>;
}

const allow: Cell = "allow";
const deny: Cell = "deny";

type Line = [
  method: HttpMethod | "ACTION",
  route: string,
  admin: Cell,
  manager: Cell,
  employee: Cell,
  deactivated: Cell,
  anonymous: Cell,
  extra?: { note?: string; expect?: Partial<Record<Actor, number>> },
];

function area(name: string, lines: Line[]): MatrixRow[] {
  return lines.map(([method, route, ADMIN, MANAGER, EMPLOYEE, DEACTIVATED, ANONYMOUS, extra]) => ({
    area: name,
    method,
    route,
    cells: { ADMIN, MANAGER, EMPLOYEE, DEACTIVATED, ANONYMOUS },
    ...extra,
  }));
}

// prettier-ignore
export const ROLE_MATRIX: readonly MatrixRow[] = [
  //  method    route                                      ADMIN  MANAG. EMPLOY DEACT. ANON
  ...area("Organisation and settings", [
    ["GET",    "/api/org",                                 allow, allow, allow, deny,  deny ],
    ["PATCH",  "/api/org",                                 allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/org/logo",                            allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/org/logo",                            allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/settings/guardrails",                 allow, allow, allow, deny,  deny,
      { note: "everyone reads the guardrails: the composer checks them while people type" }],
    ["PATCH",  "/api/settings/guardrails",                 allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/settings/analytics",                  allow, deny,  deny,  deny,  deny ],
    ["PATCH",  "/api/settings/analytics",                  allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/settings/rewards",                    allow, deny,  deny,  deny,  deny ],
    ["PATCH",  "/api/settings/rewards",                    allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/settings/ai",                         allow, deny,  deny,  deny,  deny ],
    ["PATCH",  "/api/settings/ai",                         allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/ai/captions",                         deny,  deny,  deny,  deny,  deny,
      { note: "AI is not configured in the security suites (no AI_BASE_URL): a member whose role may use it gets 404 (the route does not exist), the others 403 first; tests/integration/ai covers it configured", expect: { ADMIN: 404 } }],
    ["POST",   "/api/ai/hashtags",                         deny,  deny,  deny,  deny,  deny,
      { note: "AI is not configured in the security suites (no AI_BASE_URL): a member whose role may use it gets 404 (the route does not exist), the others 403 first; tests/integration/ai covers it configured", expect: { ADMIN: 404 } }],
    ["POST",   "/api/ai/value-type",                       deny,  deny,  deny,  deny,  deny,
      { note: "AI is not configured in the security suites (no AI_BASE_URL): a member whose role may use it gets 404 (the route does not exist), the others 403 first; tests/integration/ai covers it configured", expect: { ADMIN: 404 } }],
    ["POST",   "/api/ai/translate",                        deny,  deny,  deny,  deny,  deny,
      { note: "AI is not configured in the security suites (no AI_BASE_URL): a member whose role may use it gets 404 (the route does not exist), the others 403 first; tests/integration/ai covers it configured", expect: { ADMIN: 404 } }],
    ["POST",   "/api/ai/my-words",                         deny,  deny,  deny,  deny,  deny,
      { note: "AI is not configured in the security suites (no AI_BASE_URL): a member whose role may use it gets 404 (the route does not exist), the others 403 first; tests/integration/ai covers it configured", expect: { ADMIN: 404, MANAGER: 404, EMPLOYEE: 404 } }],
    ["GET",    "/api/settings/approval-stages",            allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/settings/approval-stages",            allow, deny,  deny,  deny,  deny ],
    ["PUT",    "/api/settings/approval-stages",            allow, deny,  deny,  deny,  deny ],
    ["PATCH",  "/api/settings/approval-stages/[id]",       allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/settings/approval-stages/[id]",       allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/org/switch",                          allow, allow, allow, deny,  deny,
      { note: "any signed-in person, into an organisation where their membership is active; a deactivated membership is refused (403)" }],
  ]),
  ...area("Members, teams and invitations", [
    ["GET",    "/api/members",                             allow, allow, deny,  deny,  deny,
      { note: "managers see only the members of the teams they manage" }],
    ["PATCH",  "/api/members/[id]",                        allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/teams",                               allow, allow, allow, deny,  deny ],
    ["POST",   "/api/teams",                               allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/teams/[id]",                          allow, allow, allow, deny,  deny,
      { note: "managers: the roster of a team they manage (another team 404); employees: names and roles, no emails" }],
    ["PATCH",  "/api/teams/[id]",                          allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/teams/[id]",                          allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/locations",                           allow, allow, allow, deny,  deny ],
    ["POST",   "/api/locations",                           allow, deny,  deny,  deny,  deny ],
    ["PATCH",  "/api/locations/[id]",                      allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/locations/[id]",                      allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/topics",                              allow, allow, allow, deny,  deny ],
    ["POST",   "/api/topics",                              allow, deny,  deny,  deny,  deny ],
    ["PATCH",  "/api/topics/[id]",                         allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/topics/[id]",                         allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/sources",                             allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/sources",                             allow, deny,  deny,  deny,  deny ],
    ["PATCH",  "/api/sources/[id]",                        allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/sources/[id]",                        allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/sources/[id]/poll",                   allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/source-entries/[id]/draft",           allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/source-entries/[id]/dismiss",         allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/people/[handle]",                     allow, allow, allow, deny,  deny ],
    ["GET",    "/api/invitations",                         allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/invitations",                         allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/invitations/[id]",                    allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/invitations/import",                  allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/invitations/accept",                  allow, allow, allow, allow, deny,
      { note: "any signed-in person holding the link joins its organisation — also someone deactivated elsewhere" }],
  ]),
  ...area("Content studio and suggestions", [
    ["GET",    "/api/content",                             allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/content",                             allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/content/mix",                         allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/content/link-preview",                allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/content/[id]",                        allow, deny,  deny,  deny,  deny ],
    ["PATCH",  "/api/content/[id]",                        allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/content/[id]",                        allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/content/[id]/images",                 allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/content/[id]/images/[imageId]",       allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/content/[id]/transitions",            allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/campaigns",                           allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/campaigns",                           allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/campaigns/[id]",                      allow, deny,  deny,  deny,  deny ],
    ["PATCH",  "/api/campaigns/[id]",                      allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/campaigns/[id]",                      allow, deny,  deny,  deny,  deny,
      { note: "archives the campaign; its results stay" }],
    ["GET",    "/api/campaigns/[id]/export",               allow, allow, deny,  deny,  deny,
      { note: "managers export a campaign's results, with the people of the teams they manage" }],
    ["GET",    "/api/suggestions",                         allow, allow, allow, deny,  deny,
      { note: "moderators read the queue; everyone else only their own suggestions" }],
    ["POST",   "/api/suggestions",                         allow, allow, allow, deny,  deny ],
    ["POST",   "/api/suggestions/[id]/images",             allow, allow, allow, deny,  deny,
      { note: "only to one's own pending suggestion" }],
    ["POST",   "/api/suggestions/[id]/accept",             allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/suggestions/[id]/reject",             allow, deny,  deny,  deny,  deny ],
  ]),
  ...area("Feed, sharing and LinkedIn", [
    ["GET",    "/api/feed",                                allow, allow, allow, deny,  deny ],
    ["GET",    "/api/feed/[id]",                           allow, allow, allow, deny,  deny ],
    ["GET",    "/api/shares",                              allow, allow, allow, deny,  deny,
      { note: "my activity: one's own shares only" }],
    ["POST",   "/api/shares",                              allow, allow, allow, deny,  deny ],
    ["POST",   "/api/shares/[id]/confirm",                 allow, allow, allow, deny,  deny,
      { note: "only one's own dialog or copy share" }],
    ["POST",   "/api/shares/[id]/retry",                   allow, allow, allow, deny,  deny,
      { note: "only one's own failed post" }],
    ["DELETE", "/api/shares/[id]/schedule",                allow, allow, allow, deny,  deny,
      { note: "only one's own scheduled post" }],
    ["GET",    "/api/reminders",                           allow, allow, allow, deny,  deny,
      { note: "one's own share-later reminders only" }],
    ["POST",   "/api/reminders",                           allow, allow, allow, deny,  deny ],
    ["DELETE", "/api/reminders/[id]",                      allow, allow, allow, deny,  deny,
      { note: "only one's own reminder" }],
    ["GET",    "/api/linkedin/connect",                    allow, allow, allow, deny,  deny,
      { note: "302 to LinkedIn's consent page" }],
    ["GET",    "/api/linkedin/callback",                   allow, allow, allow, deny,  deny,
      { note: "302 back to /profile; someone whose session ended meanwhile goes to sign in and back (302)", expect: { ANONYMOUS: 302 } }],
    ["GET",    "/api/linkedin/connection",                 allow, allow, allow, deny,  deny ],
    ["DELETE", "/api/linkedin/connection",                 allow, allow, allow, deny,  deny ],
  ]),
  ...area("Profile, notifications and email preferences", [
    ["GET",    "/api/profile",                             allow, allow, allow, deny,  deny ],
    ["PATCH",  "/api/profile",                             allow, allow, allow, deny,  deny ],
    ["GET",    "/api/profile/topics",                      allow, allow, allow, deny,  deny ],
    ["PUT",    "/api/profile/topics",                      allow, allow, allow, deny,  deny ],
    ["POST",   "/api/profile/onboarding",                  allow, allow, allow, deny,  deny ],
    ["GET",    "/api/email/preferences",                   allow, allow, allow, deny,  deny ],
    ["PUT",    "/api/email/preferences",                   allow, allow, allow, deny,  deny ],
    ["GET",    "/api/profile/leaderboard",                 allow, allow, allow, deny,  deny ],
    ["PUT",    "/api/profile/leaderboard",                 allow, allow, allow, deny,  deny ],
    ["GET",    "/api/notifications",                       allow, allow, allow, deny,  deny ],
    ["POST",   "/api/notifications/[id]/read",             allow, allow, allow, deny,  deny ],
    ["POST",   "/api/notifications/read-all",              allow, allow, allow, deny,  deny ],
    ["POST",   "/api/push/subscriptions",                  allow, allow, allow, deny,  deny ],
    ["DELETE", "/api/push/subscriptions/[id]",             allow, allow, allow, deny,  deny,
      { note: "only one's own device" }],
    ["PATCH",  "/api/push/preferences",                    allow, allow, allow, deny,  deny ],
    ["POST",   "/api/email/unsubscribe",                   allow, allow, allow, allow, allow,
      { note: "the signed token in the email is the credential: no session needed, a deactivated person can still stop emails" }],
  ]),
  ...area("Admin: email log, webhooks, API keys, exports", [
    ["GET",    "/api/email/deliveries",                    allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/email/deliveries/[id]/retry",         allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/email/digest-preview",                allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/webhooks",                            allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/webhooks",                            allow, deny,  deny,  deny,  deny ],
    ["PATCH",  "/api/webhooks/[id]",                       allow, deny,  deny,  deny,  deny ],
    ["PATCH",  "/api/badges/[id]",                         allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/webhooks/[id]",                       allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/webhooks/[id]/test",                  allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/webhooks/deliveries/[id]/retry",      allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/developer-webhooks",                  allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/developer-webhooks",                  allow, deny,  deny,  deny,  deny ],
    ["PATCH",  "/api/developer-webhooks/[id]",             allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/developer-webhooks/[id]",             allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/developer-webhooks/deliveries/[id]/replay", allow, deny, deny, deny, deny ],
    ["GET",    "/api/connectors",                          allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/connectors",                          allow, deny,  deny,  deny,  deny ],
    ["PATCH",  "/api/connectors/[id]",                     allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/connectors/[id]",                     allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/connectors/[id]/sync",                allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/connectors/preview",                  allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/inbound/[id]",                        allow, allow, allow, allow, allow,
      { note: "the connection's secret is the credential (sent by the other system): no session needed; without it → 401 (tests/integration/connectors)" }],
    ["GET",    "/api/api-keys",                            allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/api-keys",                            allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/api-keys/[id]",                       allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/scim-tokens",                         allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/scim-tokens",                         allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/scim-tokens/[id]",                    allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/audit",                               allow, deny,  deny,  deny,  deny ],
    ["GET",    "/api/audit/export",                        allow, deny,  deny,  deny,  deny,
      { note: "CSV; the export itself is audited" }],
    ["GET",    "/api/analytics/export",                    allow, allow, deny,  deny,  deny,
      { note: "managers export the teams they manage" }],
  ]),
  ...area("Single sign-on per organisation", [
    ["GET",    "/api/org/sso",                             allow, deny,  deny,  deny,  deny ],
    ["PUT",    "/api/org/sso",                             allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/org/sso/domains",                     allow, deny,  deny,  deny,  deny ],
    ["DELETE", "/api/org/sso/domains/[id]",                allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/org/sso/domains/[id]/verify",         allow, deny,  deny,  deny,  deny ],
    ["POST",   "/api/sso/[slug]/saml/acs",                 deny,  deny,  deny,  deny,  deny,
      { note: "a session is no credential here, only an assertion signed by the organisation's IdP (tests/integration/sso): without one every caller is sent to /signin?error=SsoInvalidResponse (303) and nothing changes", expect: { ADMIN: 303, MANAGER: 303, EMPLOYEE: 303, DEACTIVATED: 303, ANONYMOUS: 303 } }],
  ]),
  ...area("Public API (API keys, never sessions)", [
    ["POST",   "/api/v1/conversions",                      deny,  deny,  deny,  deny,  deny,
      { note: "KEY RULE: an API key with conversions:write or conversions:browser → 201; a session cookie is no credential here (401), nor a revoked key", expect: { ADMIN: 401, MANAGER: 401, EMPLOYEE: 401, DEACTIVATED: 401 } }],
  ]),
  ...area("Provisioning (SCIM tokens, never sessions)", [
    ["POST",   "/scim/v2/Users",                           deny,  deny,  deny,  deny,  deny,
      { note: "SCIM RULE: the organisation's SCIM token → 2xx; a session cookie is no credential here (401), nor a revoked token", expect: { ADMIN: 401, MANAGER: 401, EMPLOYEE: 401, DEACTIVATED: 401 } }],
    ["PUT",    "/scim/v2/Users/[id]",                      deny,  deny,  deny,  deny,  deny,
      { note: "SCIM RULE: the organisation's SCIM token → 2xx; a session cookie is no credential here (401), nor a revoked token", expect: { ADMIN: 401, MANAGER: 401, EMPLOYEE: 401, DEACTIVATED: 401 } }],
    ["PATCH",  "/scim/v2/Users/[id]",                      deny,  deny,  deny,  deny,  deny,
      { note: "SCIM RULE: the organisation's SCIM token → 2xx; a session cookie is no credential here (401), nor a revoked token", expect: { ADMIN: 401, MANAGER: 401, EMPLOYEE: 401, DEACTIVATED: 401 } }],
    ["DELETE", "/scim/v2/Users/[id]",                      deny,  deny,  deny,  deny,  deny,
      { note: "SCIM RULE: the organisation's SCIM token → 2xx; a session cookie is no credential here (401), nor a revoked token", expect: { ADMIN: 401, MANAGER: 401, EMPLOYEE: 401, DEACTIVATED: 401 } }],
    ["POST",   "/scim/v2/Groups",                          deny,  deny,  deny,  deny,  deny,
      { note: "SCIM RULE: the organisation's SCIM token → 2xx; a session cookie is no credential here (401), nor a revoked token", expect: { ADMIN: 401, MANAGER: 401, EMPLOYEE: 401, DEACTIVATED: 401 } }],
    ["PUT",    "/scim/v2/Groups/[id]",                     deny,  deny,  deny,  deny,  deny,
      { note: "SCIM RULE: the organisation's SCIM token → 2xx; a session cookie is no credential here (401), nor a revoked token", expect: { ADMIN: 401, MANAGER: 401, EMPLOYEE: 401, DEACTIVATED: 401 } }],
    ["PATCH",  "/scim/v2/Groups/[id]",                     deny,  deny,  deny,  deny,  deny,
      { note: "SCIM RULE: the organisation's SCIM token → 2xx; a session cookie is no credential here (401), nor a revoked token", expect: { ADMIN: 401, MANAGER: 401, EMPLOYEE: 401, DEACTIVATED: 401 } }],
    ["DELETE", "/scim/v2/Groups/[id]",                     deny,  deny,  deny,  deny,  deny,
      { note: "SCIM RULE: the organisation's SCIM token → 2xx; a session cookie is no credential here (401), nor a revoked token", expect: { ADMIN: 401, MANAGER: 401, EMPLOYEE: 401, DEACTIVATED: 401 } }],
  ]),
  ...area("Sign-in (Auth.js and server actions)", [
    ["POST",   "/api/auth/[...nextauth]",                  allow, allow, allow, allow, allow,
      { note: "Auth.js endpoints with their own CSRF token; checked here: sign-out with that token (302), by anyone" }],
    ["ACTION", "(auth)/actions.ts#signInAction",           allow, allow, allow, allow, allow,
      { note: "the column's own e-mail and password (ANON: the employee, not signed in yet) → a new session for that person; a deactivated person signs in and then sees that their access is deactivated" }],
    ["ACTION", "(auth)/actions.ts#signUpAction",           allow, allow, allow, allow, allow,
      { note: "a new account and organisation, signed in; who calls does not enter into it" }],
    ["ACTION", "(auth)/actions.ts#ssoSignInAction",        allow, allow, allow, allow, allow,
      { note: "only redirects to the identity provider's authorization endpoint (no data)" }],
    ["ACTION", "(auth)/actions.ts#ssoDiscoverAction",      allow, allow, allow, allow, allow,
      { note: "a work email of a verified domain → a redirect to its organisation's identity provider (no data, no session)" }],
    ["ACTION", "(auth)/actions.ts#signOutAction",          allow, allow, allow, allow, allow,
      { note: "ends the caller's own session (the cookie is cleared) and goes to /signin; without a session it just goes to /signin" }],
    ["ACTION", "(auth)/forgot-password/actions.ts#requestPasswordResetAction", allow, allow, allow, allow, allow,
      { note: "anyone asks for a reset link for an e-mail (the column's own; ANON: the employee's): the same neutral answer, a link is made" }],
    ["ACTION", "(auth)/reset-password/actions.ts#resetPasswordAction", allow, allow, allow, allow, allow,
      { note: "the reset token from the e-mail is the credential, not the session: the password changes and every session ends" }],
    ["ACTION", "(auth)/welcome/actions.ts#createOrganizationAction", allow, allow, allow, allow, deny,
      { note: "any signed-in person (also one deactivated elsewhere) starts an organisation of their own; without a session the action's own check refuses (\"Sign in to continue.\")" }],
  ]),
];

/** "POST /api/teams", "ACTION (auth)/actions.ts#signInAction". */
export function rowId(row: Pick<MatrixRow, "method" | "route">): string {
  return `${row.method} ${row.route}`;
}

import { appUrl } from "@/lib/core/http/app-url";
import { emailField } from "@/lib/core/validation";
import { scimBadRequest } from "@/lib/domains/scim/scim-error";
import {
  isRecord,
  scimBoolean,
  scimString,
  SCIM_USER_SCHEMA,
  type PatchOperation,
} from "@/lib/domains/scim/scim-request";

export const SCIM_USER_SELECT = {
  id: true,
  status: true,
  title: true,
  scimExternalId: true,
  createdAt: true,
  updatedAt: true,
  user: { select: { id: true, name: true, email: true, updatedAt: true } },
} as const;

export interface ScimUserRow {
  id: string;
  status: "ACTIVE" | "DEACTIVATED";
  title: string | null;
  scimExternalId: string | null;
  createdAt: Date;
  updatedAt: Date;
  user: { id: string; name: string; email: string; updatedAt: Date };
}

/** What the identity provider says about a person, as Chorus keeps it. */
export interface ScimUserState {
  email: string;
  givenName: string;
  familyName: string;
  /** The person's name in Chorus (displayName, else given + family name). */
  name: string;
  externalId: string | null;
  active: boolean;
  title: string | null;
}

/** "Ada Lovelace" → given "Ada", family "Lovelace": Chorus keeps one name. */
function splitName(name: string): { givenName: string; familyName: string } {
  const at = name.indexOf(" ");
  return at === -1
    ? { givenName: name, familyName: "" }
    : { givenName: name.slice(0, at), familyName: name.slice(at + 1) };
}

/** The SCIM id of a person is their membership id: it exists only inside one organisation. */
export function toScimUser(row: ScimUserRow): object {
  const { givenName, familyName } = splitName(row.user.name);
  const lastModified = row.updatedAt > row.user.updatedAt ? row.updatedAt : row.user.updatedAt;
  return {
    schemas: [SCIM_USER_SCHEMA],
    id: row.id,
    externalId: row.scimExternalId ?? undefined,
    userName: row.user.email,
    name: { formatted: row.user.name, givenName, familyName },
    displayName: row.user.name,
    title: row.title ?? undefined,
    emails: [{ value: row.user.email, type: "work", primary: true }],
    active: row.status === "ACTIVE",
    meta: {
      resourceType: "User",
      created: row.createdAt.toISOString(),
      lastModified: lastModified.toISOString(),
      location: `${appUrl()}/scim/v2/Users/${row.id}`,
    },
  };
}

export function stateOf(row: ScimUserRow): ScimUserState {
  return {
    email: row.user.email,
    ...splitName(row.user.name),
    name: row.user.name,
    externalId: row.scimExternalId,
    active: row.status === "ACTIVE",
    title: row.title,
  };
}

function email(value: unknown, what: string): string {
  const parsed = emailField.safeParse(value);
  if (!parsed.success) throw scimBadRequest("invalidValue", `${what} must be an email address.`);
  return parsed.data;
}

function personName(value: unknown, what: string): string {
  return scimString(value, what, 120);
}

function joinName(state: ScimUserState): string {
  return `${state.givenName} ${state.familyName}`.trim();
}

/** The work (or primary, or first) email of a SCIM `emails` array. */
function emailOfList(value: unknown): string | null {
  if (!Array.isArray(value)) throw scimBadRequest("invalidValue", "emails must be a list.");
  const entries = value.filter(isRecord);
  const chosen =
    entries.find((e) => e.primary === true || e.primary === "True" || e.primary === "true") ??
    entries.find((e) => e.type === "work") ??
    entries[0];
  return chosen ? email(chosen.value, "emails.value") : null;
}

/**
 * A full User resource (POST, PUT) → the state Chorus keeps. userName is the person's email
 * (both Okta and Entra send the email or UPN there); a userName that is not an email falls back
 * to the primary email.
 */
export function stateFromResource(body: unknown): ScimUserState {
  if (!isRecord(body)) throw scimBadRequest("invalidSyntax", "The body must be a User resource.");
  const userName = scimString(body.userName ?? "", "userName");
  if (!userName) throw scimBadRequest("invalidValue", "userName is required.");
  const listed = body.emails === undefined ? null : emailOfList(body.emails);
  const asEmail = emailField.safeParse(userName);
  const address = asEmail.success ? asEmail.data : listed;
  if (!address) {
    throw scimBadRequest("invalidValue", "userName (or a work email) must be an email address.");
  }
  const name = isRecord(body.name) ? body.name : {};
  const state: ScimUserState = {
    email: address,
    givenName: name.givenName === undefined ? "" : personName(name.givenName, "name.givenName"),
    familyName: name.familyName === undefined ? "" : personName(name.familyName, "name.familyName"),
    name: "",
    externalId:
      body.externalId === undefined || body.externalId === null
        ? null
        : scimString(body.externalId, "externalId", 200),
    active: body.active === undefined ? true : scimBoolean(body.active, "active"),
    title:
      body.title === undefined || body.title === null
        ? null
        : scimString(body.title, "title", 120) || null,
  };
  const displayName =
    body.displayName === undefined ? "" : personName(body.displayName, "displayName");
  const formatted =
    name.formatted === undefined ? "" : personName(name.formatted, "name.formatted");
  state.name = displayName || joinName(state) || formatted || address.split("@")[0]!;
  return state;
}

/** One attribute of a User (a PATCH path, or a key of a PATCH value object) applied to `state`. */
function applyAttribute(state: ScimUserState, path: string, value: unknown, remove: boolean) {
  const key = path.trim().toLowerCase();
  switch (key) {
    case "active":
      if (remove) throw scimBadRequest("mutability", "active cannot be removed.");
      state.active = scimBoolean(value, "active");
      return;
    case "username":
      if (remove) throw scimBadRequest("mutability", "userName cannot be removed.");
      state.email = email(value, "userName");
      return;
    case "displayname":
      if (remove) return;
      state.name = personName(value, "displayName") || state.name;
      return;
    case "name.givenname":
      state.givenName = remove ? "" : personName(value, "name.givenName");
      state.name = joinName(state) || state.name;
      return;
    case "name.familyname":
      state.familyName = remove ? "" : personName(value, "name.familyName");
      state.name = joinName(state) || state.name;
      return;
    case "name.formatted":
      if (!remove) state.name = personName(value, "name.formatted") || state.name;
      return;
    case "name":
      if (remove) return;
      if (!isRecord(value)) throw scimBadRequest("invalidValue", "name must be an object.");
      for (const [k, v] of Object.entries(value)) applyAttribute(state, `name.${k}`, v, false);
      return;
    case "externalid":
      state.externalId = remove ? null : scimString(value, "externalId", 200) || null;
      return;
    case "title":
      state.title = remove ? null : scimString(value, "title", 120) || null;
      return;
    case 'emails[type eq "work"].value':
    case "emails[primary eq true].value":
      if (remove) throw scimBadRequest("mutability", "The work email cannot be removed.");
      state.email = email(value, "emails.value");
      return;
    case "emails":
      if (remove) throw scimBadRequest("mutability", "The work email cannot be removed.");
      state.email = emailOfList(value) ?? state.email;
      return;
    default:
      if (/[[\]"]/.test(key) && !/^[\w.:-]+(\[[^\]]+\])?(\.[\w]+)?$/.test(key)) {
        throw scimBadRequest("invalidPath", `Invalid path: ${path.slice(0, 100)}.`);
      }
      // Attributes Chorus does not keep (phone numbers, addresses, enterprise extension…) are
      // accepted and ignored: identity providers send them with every update.
      return;
  }
}

/** Applies PATCH operations (Okta and Entra forms) to a copy of `current`. */
export function applyUserPatch(current: ScimUserState, ops: PatchOperation[]): ScimUserState {
  const state = { ...current };
  for (const op of ops) {
    const remove = op.op === "remove";
    if (op.path) {
      if (!remove && op.value === undefined) {
        throw scimBadRequest("invalidValue", `The ${op.op} of ${op.path} needs a value.`);
      }
      applyAttribute(state, op.path, op.value, remove);
      continue;
    }
    if (remove) throw scimBadRequest("noTarget", "A remove operation needs a path.");
    if (!isRecord(op.value)) {
      throw scimBadRequest("invalidValue", `A ${op.op} without a path needs an object value.`);
    }
    for (const [key, value] of Object.entries(op.value)) {
      if (key === "schemas" || key === "id" || key === "meta") continue;
      applyAttribute(state, key, value, false);
    }
  }
  return state;
}

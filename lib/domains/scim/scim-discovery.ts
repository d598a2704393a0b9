import { appUrl } from "@/lib/core/http/app-url";
import {
  MAX_PAGE_SIZE,
  SCIM_GROUP_SCHEMA,
  SCIM_USER_SCHEMA,
} from "@/lib/domains/scim/scim-request";

const base = () => `${appUrl()}/scim/v2`;

/** RFC 7643 §5: what this service supports (PATCH, filter; no bulk, sort, etag or password). */
export function serviceProviderConfig(): object {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description: "A SCIM token created by an admin in Integrations → Provisioning (SCIM).",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${base()}/ServiceProviderConfig` },
  };
}

const RESOURCE_TYPES = [
  { id: "User", name: "User", endpoint: "/Users", schema: SCIM_USER_SCHEMA },
  { id: "Group", name: "Group", endpoint: "/Groups", schema: SCIM_GROUP_SCHEMA },
];

export function resourceTypes(): object {
  const resources = RESOURCE_TYPES.map((r) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    ...r,
    meta: { resourceType: "ResourceType", location: `${base()}/ResourceTypes/${r.id}` },
  }));
  return listOf(resources);
}

const attr = (name: string, type: string, extra: object = {}) => ({
  name,
  type,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...extra,
});

export function schemas(): object {
  const user = {
    id: SCIM_USER_SCHEMA,
    name: "User",
    description: "A person of the organisation (a membership in Chorus).",
    attributes: [
      attr("userName", "string", { required: true, uniqueness: "server" }),
      attr("name", "complex", {
        subAttributes: [
          attr("formatted", "string"),
          attr("givenName", "string"),
          attr("familyName", "string"),
        ],
      }),
      attr("displayName", "string"),
      attr("title", "string"),
      attr("active", "boolean"),
      attr("emails", "complex", {
        multiValued: true,
        subAttributes: [
          attr("value", "string"),
          attr("type", "string"),
          attr("primary", "boolean"),
        ],
      }),
    ],
  };
  const group = {
    id: SCIM_GROUP_SCHEMA,
    name: "Group",
    description: "A team of the organisation.",
    attributes: [
      attr("displayName", "string", { required: true, uniqueness: "server" }),
      attr("members", "complex", {
        multiValued: true,
        subAttributes: [attr("value", "string"), attr("display", "string")],
      }),
    ],
  };
  return listOf(
    [user, group].map((s) => ({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
      ...s,
      meta: { resourceType: "Schema", location: `${base()}/Schemas/${s.id}` },
    })),
  );
}

function listOf(resources: object[]): object {
  return {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
    totalResults: resources.length,
    startIndex: 1,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

import { notFound } from "@/lib/core/errors/app-error";
import { publicRoute } from "@/lib/domains/access/route";
import { findOrgBySsoSlug } from "@/lib/domains/sso/load-org-sso";
import { samlServiceProviderMetadata } from "@/lib/domains/sso/saml-service-provider";

/** Chorus's SAML service provider metadata for one organisation (entity id, ACS URL). Public. */
export const GET = publicRoute(async ({ params }) => {
  const org = await findOrgBySsoSlug(String(params.slug ?? ""));
  if (!org) throw notFound("That organisation");
  return new Response(samlServiceProviderMetadata(org.slug), {
    headers: {
      "content-type": "application/samlmetadata+xml; charset=utf-8",
      "cache-control": "public, max-age=300",
    },
  });
});

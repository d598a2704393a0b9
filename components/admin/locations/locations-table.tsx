"use client";

import { LOCATION_KIND, plural } from "@/components/admin/named-records/named-record-kind";
import { NamedRecordsTable } from "@/components/admin/named-records/named-records-table";
import type { LocationUsage } from "@/lib/domains/locations/list-location-usage";

/** What deleting a location does to what uses it, said before the admin confirms. */
function deleteConsequences(l: LocationUsage): string {
  const parts = [
    l.memberCount ? `${plural(l.memberCount, "member", "members")} will have no location` : "",
    l.invitationCount
      ? `${plural(l.invitationCount, "pending invitation", "pending invitations")} will no longer set one`
      : "",
    l.audienceCount
      ? `${plural(l.audienceCount, "post", "posts")} aimed at it and other groups keep the others`
      : "",
  ].filter(Boolean);
  return parts.length ? `${parts.join("; ")}.` : "Nobody and nothing uses it.";
}

/** Every location with its members and the posts aimed at it; delete refused while a post needs it. */
export function LocationsTable({ locations }: { locations: LocationUsage[] }) {
  return (
    <NamedRecordsTable
      kind={LOCATION_KIND}
      countHeaders={["Members", "Posts aimed at it"]}
      rows={locations.map((l) => ({
        id: l.id,
        name: l.name,
        detail: l.invitationCount
          ? plural(l.invitationCount, "pending invitation", "pending invitations")
          : null,
        counts: [l.memberCount, l.audienceCount],
        deleteConsequences: deleteConsequences(l),
        blockedNote:
          l.onlyAudienceCount > 0
            ? `${plural(l.onlyAudienceCount, "post is", "posts are")} aimed only here: change the audience in the studio to delete it.`
            : null,
      }))}
    />
  );
}

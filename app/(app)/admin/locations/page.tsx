import type { Metadata } from "next";
import { CreateNamedRecordForm } from "@/components/admin/named-records/create-named-record-form";
import { LOCATION_KIND } from "@/components/admin/named-records/named-record-kind";
import { LocationsTable } from "@/components/admin/locations/locations-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { listLocationUsage } from "@/lib/domains/locations/list-location-usage";

export const metadata: Metadata = { title: "Locations" };

export default async function LocationsPage() {
  const access = await requirePageAccess("teams:manage");
  const locations = await listLocationUsage(access.orgId);
  return (
    <>
      <PageHeader
        title="Locations"
        description="Where people work. Posts can be aimed at a location; place each member on the members page or with the location column of a CSV import."
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="locations-title" className="min-w-0 space-y-3">
          <h2 id="locations-title" className="sr-only">
            All locations
          </h2>
          {locations.length === 0 ? (
            <Card>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                No locations yet. Create the first one with the form.
              </p>
            </Card>
          ) : (
            <LocationsTable locations={locations} />
          )}
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Deleting a location leaves its members without one. It is refused while a draft, post in
            review or published post is aimed at that location alone.
          </p>
        </section>
        <Card className="self-start">
          <CreateNamedRecordForm kind={LOCATION_KIND} />
        </Card>
      </div>
    </>
  );
}

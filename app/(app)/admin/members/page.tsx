import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { InvitePanel } from "@/components/admin/members/invite-panel";
import { MembersTable } from "@/components/admin/members/members-table";
import { PendingInvitations } from "@/components/admin/members/pending-invitations";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { can, ROLE_LABELS, ROLES } from "@/lib/domains/access/permissions";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { isEmailConfigured } from "@/lib/domains/email/email-configured";
import { listInvitations } from "@/lib/domains/invitations/list-invitations";
import { listMembers } from "@/lib/domains/members/list-members";
import {
  hasActiveFilters,
  membersHref,
  readMemberFilters,
  type MemberFilters,
  type SearchParams,
} from "@/lib/domains/members/member-filters";
import { listTeams } from "@/lib/domains/teams/list-teams";
import { FilterSelect } from "@/components/ui/filter-select";
import { listLocations } from "@/lib/domains/orgs/list-locations";
import { dateFormatter } from "@/lib/core/time/format-date";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

export const metadata: Metadata = { title: "Members" };

const PAGE_SIZE = 25;
/** listInvitations returns at most this many (the most recent). */
const PENDING_LIMIT = 500;

export default async function MembersPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const access = await requirePageAccess("members:update");
  const filters = readMemberFilters(await searchParams);
  const canInvite = can(access, "members:invite");
  const emailConfigured = isEmailConfigured();
  const [result, teams, locations, invitations] = await Promise.all([
    listMembers(access.orgId, { ...filters, pageSize: PAGE_SIZE }),
    listTeams(access.orgId),
    listLocations(access.orgId),
    canInvite ? listInvitations(access.orgId) : Promise.resolve([]),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const from = result.total === 0 ? 0 : (filters.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(result.total, filters.page * PAGE_SIZE);
  const dates = await requestDateFormat(access.org.timeZone);
  const dateFormat = dateFormatter("dateTime", dates);

  return (
    <>
      <PageHeader
        title="Members"
        description="Everyone in your organisation: roles, teams and access."
        actions={
          canInvite ? (
            <>
              <Link href="/admin/members/import" className={buttonClass("secondary")}>
                Import from CSV
              </Link>
              <a href="#invite" className={buttonClass("primary")}>
                Invite people
              </a>
            </>
          ) : null
        }
      />

      <section aria-labelledby="members-title" className="space-y-4">
        <h2 id="members-title" className="sr-only">
          Member list
        </h2>
        <FilterForm filters={filters} teams={teams} locations={locations} />
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {result.total === 0
            ? "No members match."
            : `Showing ${from}–${to} of ${result.total} member${result.total === 1 ? "" : "s"}.`}
        </p>
        {result.members.length > 0 ? (
          <MembersTable
            caption={`Members, page ${filters.page} of ${pages}`}
            teams={teams.map((t) => ({ id: t.id, name: t.name }))}
            locations={locations}
            members={result.members.map((m) => ({
              id: m.id,
              name: m.user.name,
              email: m.user.email,
              role: m.role,
              capabilities: m.capabilities,
              status: m.status,
              teams: m.teams,
              location: m.location,
              isSelf: m.user.id === access.userId,
            }))}
          />
        ) : (
          <div className="rounded-lg bg-white p-6 text-sm shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
            {hasActiveFilters(filters) || filters.page > 1 ? (
              <p>
                Nobody matches these filters.{" "}
                <Link
                  href="/admin/members"
                  className="font-medium text-brand-700 underline dark:text-brand-100"
                >
                  Show all members
                </Link>
              </p>
            ) : (
              <p>No members yet. Invite your colleagues below.</p>
            )}
          </div>
        )}
        <Pagination
          page={filters.page}
          pages={pages}
          href={(page) => membersHref(filters, { page })}
        />
      </section>

      {canInvite ? (
        <>
          <section
            id="invite"
            aria-labelledby="invite-title"
            className="mt-12 scroll-mt-6 space-y-4"
          >
            <div>
              <h2 id="invite-title" className="text-lg font-semibold">
                Invite people
              </h2>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                {emailConfigured ? (
                  <>
                    Each email invitation is sent to the person by email (see{" "}
                    <Link
                      href="/admin/emails"
                      className="font-medium text-brand-700 underline dark:text-brand-100"
                    >
                      Emails
                    </Link>{" "}
                    for its delivery); invite links you share yourself.
                  </>
                ) : (
                  <>
                    Email is not set up on this server (SMTP_URL is not set): invitations are
                    recorded but not emailed, so copy each link and send it yourself.
                  </>
                )}{" "}
                Many people at once?{" "}
                <Link
                  href="/admin/members/import"
                  className="font-medium text-brand-700 underline dark:text-brand-100"
                >
                  Import a CSV file
                </Link>
                .
              </p>
            </div>
            <InvitePanel
              teams={teams.map((t) => ({ id: t.id, name: t.name }))}
              locations={locations.map((l) => ({ id: l.id, name: l.name }))}
              dates={dates}
              emailConfigured={emailConfigured}
            />
          </section>

          <section
            id="invitations"
            aria-labelledby="invitations-title"
            className="mt-12 scroll-mt-6 space-y-4"
          >
            <h2 id="invitations-title" className="text-lg font-semibold">
              Pending invitations{" "}
              <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
                ({invitations.length >= PENDING_LIMIT ? `${PENDING_LIMIT}+` : invitations.length})
              </span>
            </h2>
            <PendingInvitations
              capped={invitations.length >= PENDING_LIMIT}
              invitations={invitations.map((inv) => ({
                id: inv.id,
                kind: inv.kind,
                email: inv.email,
                role: ROLE_LABELS[inv.role],
                teams: inv.teams.map((t) => t.name).join(", "),
                uses: `${inv.useCount} of ${inv.maxUses}`,
                expires: dateFormat.format(inv.expiresAt),
              }))}
            />
          </section>
        </>
      ) : null}
    </>
  );
}

const selectClass = `${inputClass} sm:w-auto`;

function FilterForm({
  filters,
  teams,
  locations,
}: {
  filters: MemberFilters;
  teams: { id: string; name: string }[];
  locations: { id: string; name: string }[];
}) {
  return (
    <Form
      action="/admin/members"
      role="search"
      aria-label="Filter members"
      className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
    >
      <div className="min-w-48 flex-1 space-y-1.5">
        <label htmlFor="members-q" className="block text-sm font-medium">
          Search
        </label>
        <input
          id="members-q"
          name="q"
          type="search"
          defaultValue={filters.q}
          placeholder="Name or email"
          className={inputClass}
        />
      </div>
      <FilterSelect
        id="members-role"
        name="role"
        label="Role"
        defaultValue={filters.role ?? ""}
        className={selectClass}
      >
        <option value="">All roles</option>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="members-status"
        name="status"
        label="Status"
        defaultValue={filters.status ?? ""}
        className={selectClass}
      >
        <option value="">Any status</option>
        <option value="ACTIVE">Active</option>
        <option value="DEACTIVATED">Deactivated</option>
      </FilterSelect>
      <FilterSelect
        id="members-team"
        name="teamId"
        label="Team"
        defaultValue={filters.teamId ?? ""}
        className={selectClass}
      >
        <option value="">All teams</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </FilterSelect>
      {locations.length ? (
        <FilterSelect
          id="members-location"
          name="locationId"
          label="Location"
          defaultValue={filters.locationId ?? ""}
          className={selectClass}
        >
          <option value="">All locations</option>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </FilterSelect>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply
        </button>
        {hasActiveFilters(filters) ? (
          <Link href="/admin/members" className={buttonClass("ghost")}>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

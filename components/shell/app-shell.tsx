import Image from "next/image";
import Link from "next/link";
import type { ReactNode } from "react";
import { can, ROLE_LABELS, type Principal } from "@/lib/domains/access/permissions";
import type { Access } from "@/lib/domains/access/resolve-access";
import type { Role } from "@/lib/generated/prisma/enums";
import { signOutAction } from "@/app/(auth)/actions";
import { Avatar } from "@/components/people/avatar";
import { Logo, LogoMark } from "@/components/shell/logo";
import { MobileNav } from "@/components/shell/mobile-nav";
import { NAV_GROUPS } from "@/components/shell/nav-items";
import { NavLinks, type NavLinkGroup } from "@/components/shell/nav-links";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { NotificationBell } from "@/components/notifications/notification-bell";

/** The groups of the sidebar this person (role and capabilities) may see, without empty groups. */
function visibleGroups(who: Principal): NavLinkGroup[] {
  return NAV_GROUPS.map((group) => ({
    label: group.label,
    items: group.items
      .filter((item) => can(who, item.permission))
      .map(({ href, label }) => ({ href, label })),
  })).filter((group) => group.items.length > 0);
}

/**
 * The signed-in frame: a sidebar with the grouped navigation on large screens (a Menu sheet on
 * smaller ones), a top bar with notifications and the person, and the page.
 */
export function AppShell({
  access,
  organizations,
  children,
}: {
  access: Access;
  organizations: { id: string; name: string; role: Role }[];
  children: ReactNode;
}) {
  const groups = visibleGroups(access);
  const organization = (
    <div className="flex min-w-0 items-center gap-2">
      {access.org.logoUrl ? (
        // Decorative: the organisation's name is right beside it.
        <Image
          src={access.org.logoUrl}
          alt=""
          width={24}
          height={24}
          unoptimized
          className="h-6 w-6 shrink-0 rounded object-contain"
        />
      ) : null}
      <OrgSwitcher current={access.org.id} organizations={organizations} />
    </div>
  );
  const signOut = (
    <form action={signOutAction}>
      <button
        type="submit"
        className="w-full rounded-lg px-3 py-2 text-left text-body font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        Sign out
      </button>
    </form>
  );
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[var(--spacing-sidebar)_minmax(0,1fr)]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900"
      >
        Skip to content
      </a>
      <aside
        aria-label="Sidebar"
        className="sticky top-0 hidden h-screen flex-col overflow-y-auto border-r border-slate-200 bg-white lg:flex dark:border-slate-800 dark:bg-slate-900"
      >
        <Link href="/" className="mx-3 mt-4 rounded-lg px-2 py-1.5">
          <Logo />
          <span className="sr-only"> home</span>
        </Link>
        <div className="mx-5 mt-4">{organization}</div>
        <div className="flex-1 px-3 py-6">
          <NavLinks groups={groups} />
        </div>
        <div className="border-t border-slate-200 p-3 dark:border-slate-800">{signOut}</div>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-topbar items-center gap-2 border-b border-slate-200 bg-white/90 px-4 backdrop-blur sm:px-6 lg:px-8 dark:border-slate-800 dark:bg-slate-900/90">
          <MobileNav
            groups={groups}
            footer={
              <div className="space-y-3">
                {organization}
                {signOut}
              </div>
            }
          />
          <Link href="/" className="rounded-lg p-1 pointer-coarse:p-1.5 lg:hidden">
            <LogoMark />
            <span className="sr-only">Chorus home</span>
          </Link>
          <div className="ml-auto flex items-center gap-2">
            <NotificationBell />
            <Link
              href="/profile"
              className="flex items-center gap-2 rounded-lg px-1.5 py-1 text-body pointer-coarse:py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              <Avatar name={access.user.name} size="sm" />
              <span className="hidden min-w-0 flex-col leading-tight sm:flex">
                <span className="truncate font-medium">{access.user.name}</span>
                <span className="text-caption text-slate-600 dark:text-slate-400">
                  {ROLE_LABELS[access.role]}
                </span>
              </span>
              <span className="sr-only"> (your profile)</span>
            </Link>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-section sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}

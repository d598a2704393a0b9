import Image from "next/image";
import Link from "next/link";
import { can, ROLE_LABELS } from "@/lib/domains/access/permissions";
import type { Access } from "@/lib/domains/access/resolve-access";
import type { Role } from "@/lib/generated/prisma/enums";
import { signOutAction } from "@/app/(auth)/actions";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { NavLinks } from "@/components/shell/nav-links";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { NotificationBell } from "@/components/notifications/notification-bell";

export function AppHeader({
  access,
  organizations,
}: {
  access: Access;
  organizations: { id: string; name: string; role: Role }[];
}) {
  const items = NAV_ITEMS.filter((item) => can(access.role, item.permission));
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-6 w-6 rounded-full bg-brand-600" />
          Chorus
        </Link>
        <NavLinks items={items.map(({ href, label }) => ({ href, label }))} />
        <div className="ml-auto flex items-center gap-3">
          <div className="flex items-center gap-2">
            {access.org.logoUrl ? (
              // Decorative: the organisation's name is right beside it.
              <Image
                src={access.org.logoUrl}
                alt=""
                width={24}
                height={24}
                unoptimized
                className="h-6 w-6 rounded object-contain"
              />
            ) : null}
            <OrgSwitcher current={access.org.id} organizations={organizations} />
          </div>
          <NotificationBell />
          <Link
            href="/profile"
            className="hidden rounded-md px-1 text-sm text-slate-600 hover:underline sm:inline dark:text-slate-400"
          >
            {access.user.name} · {ROLE_LABELS[access.role]}
            <span className="sr-only"> (your profile)</span>
          </Link>
          <form action={signOutAction}>
            <button
              type="submit"
              className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}

import { redirect } from "next/navigation";
import { AppHeader } from "@/components/shell/app-header";
import { currentAccess } from "@/lib/domains/access/require-page-access";
import { listUserOrganizations } from "@/lib/domains/orgs/list-user-organizations";

/** The signed-in shell. Pages still check their own permission (layouts don't re-run on navigation). */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const result = await currentAccess();
  if (!result || result.kind === "unknown-user") redirect("/signin");
  if (result.kind !== "member") redirect("/welcome");
  const { access } = result;
  const organizations = await listUserOrganizations(access.userId);
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900"
      >
        Skip to content
      </a>
      <AppHeader access={access} organizations={organizations} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}

import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
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
    <AppShell access={access} organizations={organizations}>
      {children}
    </AppShell>
  );
}

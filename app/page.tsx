import { redirect } from "next/navigation";
import { currentAccess } from "@/lib/domains/access/require-page-access";
import { ROLE_HOME } from "@/lib/domains/access/permissions";

/** The front door: each role lands on its own home page. */
export default async function Home() {
  const result = await currentAccess();
  if (!result || result.kind === "unknown-user") redirect("/signin");
  if (result.kind !== "member") redirect("/welcome");
  redirect(ROLE_HOME[result.access.role]);
}

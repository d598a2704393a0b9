import { db } from "@/lib/core/db/client";
import { DEMO_ACCOUNTS, DEMO_ORG_SLUG, DEMO_PASSWORD } from "@/lib/domains/demo/demo-accounts";
import { env } from "@/lib/core/env";

/** Shown only while the demo organisation exists, so a newcomer can look around at once. */
export async function DemoAccounts() {
  if (!env().SEED_DEMO) return null;
  const demo = await db.organization.findUnique({
    where: { slug: DEMO_ORG_SLUG },
    select: { name: true },
  });
  if (!demo) return null;
  return (
    <details className="rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700">
      <summary className="cursor-pointer pointer-coarse:py-3 font-medium">
        Demo accounts ({demo.name})
      </summary>
      <ul className="mt-2 space-y-1">
        {DEMO_ACCOUNTS.map((a) => (
          <li key={a.email}>
            <span className="inline-block w-20 text-slate-600 dark:text-slate-400">
              {a.role.toLowerCase()}
            </span>
            <code>{a.email}</code>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        Password: <code>{DEMO_PASSWORD}</code>
      </p>
    </details>
  );
}

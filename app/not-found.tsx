import Link from "next/link";
import { connection } from "next/server";
import { buttonClass } from "@/components/ui/button";

export default async function NotFound() {
  // Rendered per request: its scripts need the request's CSP nonce (proxy.ts), which a page
  // prerendered at build time cannot carry.
  await connection();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-100">404</p>
      <h1 className="text-2xl font-semibold">We couldn&apos;t find that page</h1>
      <p className="max-w-md text-slate-600 dark:text-slate-400">
        It may have moved, or it belongs to an organisation you are not part of.
      </p>
      <Link href="/" className={buttonClass("primary")}>
        Go to your home page
      </Link>
    </main>
  );
}

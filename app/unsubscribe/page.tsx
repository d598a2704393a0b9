import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EMAIL_CATEGORY_LABELS, isOptionalCategory } from "@/lib/domains/email/categories";
import { verifyUnsubscribeToken } from "@/lib/domains/email/unsubscribe-token";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

/**
 * Opened from an email's footer: asks to confirm (a GET never unsubscribes — link scanners open
 * links), then the form POSTs to /api/email/unsubscribe and comes back with ?done=<category>.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const done =
    typeof params.done === "string" && isOptionalCategory(params.done) ? params.done : null;
  const token = typeof params.token === "string" ? params.token : "";
  const verified = !done && token ? verifyUnsubscribeToken(token) : null;

  let body: React.ReactNode;
  if (done) {
    body = (
      <>
        <h1 className="text-xl font-semibold">You are unsubscribed</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          You will no longer receive “{EMAIL_CATEGORY_LABELS[done].label}” emails. You can turn them
          back on in your profile.
        </p>
        <Link href="/profile" className={`${buttonClass("secondary")} mt-4`}>
          Email preferences
        </Link>
      </>
    );
  } else if (!verified) {
    body = (
      <>
        <h1 className="text-xl font-semibold">This unsubscribe link is not valid</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          It may have been cut off when it was copied. Open it again from the email, or change your
          email preferences in your profile.
        </p>
        <Link href="/profile" className={`${buttonClass("secondary")} mt-4`}>
          Email preferences
        </Link>
      </>
    );
  } else {
    const category = EMAIL_CATEGORY_LABELS[verified.category];
    body = (
      <>
        <h1 className="text-xl font-semibold">Unsubscribe from “{category.label}”?</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">{category.description}</p>
        <form method="post" action="/api/email/unsubscribe" className="mt-4">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className={buttonClass("primary")}>
            Unsubscribe
          </button>
        </form>
      </>
    );
  }
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <header className="mb-8 flex items-center gap-2 text-xl font-semibold tracking-tight">
        <span aria-hidden className="inline-block h-7 w-7 rounded-full bg-brand-600" />
        Chorus
      </header>
      <main className="w-full max-w-md">
        <Card>{body}</Card>
      </main>
    </div>
  );
}

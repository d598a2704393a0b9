import { ssoSignInAction } from "@/app/(auth)/actions";
import { buttonClass } from "@/components/ui/button";
import type { SsoProviderInfo } from "@/lib/domains/auth/providers";

export function SsoButtons({
  providers,
  callbackUrl,
}: {
  providers: SsoProviderInfo[];
  callbackUrl?: string;
}) {
  if (providers.length === 0) return null;
  return (
    <div className="space-y-2">
      {providers.map((p) => (
        <form key={p.id} action={ssoSignInAction}>
          <input type="hidden" name="provider" value={p.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
          <button type="submit" className={buttonClass("secondary", "w-full")}>
            Continue with {p.name}
          </button>
        </form>
      ))}
      <div className="flex items-center gap-3 py-2 text-xs text-slate-500 dark:text-slate-400">
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" /> or with email{" "}
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
      </div>
    </div>
  );
}

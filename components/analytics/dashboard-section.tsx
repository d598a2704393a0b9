import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A titled dashboard card; `download` is the CSV link of its table. */
export function DashboardSection({
  id,
  title,
  description,
  download,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  download?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="min-w-0">
      <Card className="min-w-0 space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 id={`${id}-title`} className="text-lg font-semibold">
              {title}
            </h2>
            {description ? (
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</p>
            ) : null}
          </div>
          {download}
        </div>
        {children}
      </Card>
    </section>
  );
}

/** What to do when a section has nothing to show yet. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-md bg-slate-50 px-3 py-3 text-sm text-slate-700 dark:bg-slate-800/60 dark:text-slate-300">
      {children}
    </p>
  );
}

import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

const STYLES: Record<DeliveryStatus, string> = {
  SENT: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900",
  PENDING:
    "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-900",
  FAILED: "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-900",
};

const LABELS: Record<DeliveryStatus, string> = {
  SENT: "Sent",
  PENDING: "Pending",
  FAILED: "Failed",
};

/** The state of an email or webhook delivery, in words and colour. */
export function DeliveryStatusBadge({
  status,
  pendingLabel,
}: {
  status: DeliveryStatus;
  /** What "pending" means here, e.g. "Waiting" for an email not yet handed to the server. */
  pendingLabel?: string;
}) {
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}
    >
      {status === "PENDING" && pendingLabel ? pendingLabel : LABELS[status]}
    </span>
  );
}

import { formatMoney, formatPercent, formatCount } from "@/components/analytics/format";

/** The organisation's settings behind the estimates (Settings → analytics). */
export interface EmvRates {
  cpm: number;
  cpc: number;
  reachRate: number;
  defaultNetworkSize: number;
}

/** How reach and earned media value are estimated, with this organisation's rates. */
export function EstimateNote({ rates, currency }: { rates: EmvRates; currency: string }) {
  return (
    <details className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-inset ring-amber-200 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-900">
      <summary className="cursor-pointer pointer-coarse:py-3 font-medium">
        How are “est.” figures estimated?
      </summary>
      <div className="mt-2 space-y-2">
        <p>
          <strong>Estimated reach</strong> uses the impressions LinkedIn reports for a post where we
          have them. Otherwise it is the advocate&apos;s network size × a reach rate of{" "}
          <strong>{formatPercent(rates.reachRate, 1)}</strong> (people without a network size count
          as <strong>{formatCount(rates.defaultNetworkSize)}</strong> connections).
        </p>
        <p>
          <strong>Earned media value (EMV)</strong> = impressions ÷ 1,000 × CPM{" "}
          <strong>{formatMoney(rates.cpm, currency)}</strong> + human clicks × CPC{" "}
          <strong>{formatMoney(rates.cpc, currency)}</strong>: what the same attention would cost as
          paid advertising.
        </p>
        <p className="text-xs">
          These are estimates, not measurements. Admins set the rates in Settings.
        </p>
      </div>
    </details>
  );
}

/** One recorded click, as buffered, spooled (NDJSON) and written to the ClickEvent table. */
export interface ClickEvent {
  /** The click id (`clk_…`), also handed to the destination for conversion attribution. */
  id: string;
  shareId: string;
  /** Epoch milliseconds. */
  at: number;
  isBot: boolean;
  visitorKey: string;
  device: string;
  browser: string;
  referrerHost: string | null;
}

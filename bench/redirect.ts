import type { BenchResult } from "./report";

/** Redirect benchmark (tracked links): filled in with the click path. */
export async function benchRedirect(_databaseUrl: string): Promise<BenchResult[]> {
  return [];
}

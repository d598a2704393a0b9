import type { BenchResult } from "./report";

/** Dashboard benchmark: filled in with the analytics queries. */
export async function benchDashboard(_databaseUrl: string): Promise<BenchResult[]> {
  return [];
}

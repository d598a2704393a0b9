/**
 * A small, safe subset of JSONPath for webhook mappings: `$`, then `.name`, `["any key"]` and
 * `[0]` steps, e.g. `$.data.deal.amount` or `$.items[0]["Click Id"]`. No wildcards, filters or
 * scripts: one path names one value.
 */
export type PathStep = string | number;

const STEP = /^(?:\.([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d{1,6})\]|\["((?:[^"\\]|\\.)*)"\])/;

/** The steps of a path, or null when it is not a path of that subset. */
export function parseJsonPath(path: string): PathStep[] | null {
  if (!path.startsWith("$") || path.length > 300) return null;
  const steps: PathStep[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const match = STEP.exec(rest);
    if (!match) return null;
    if (match[1] !== undefined) steps.push(match[1]);
    else if (match[2] !== undefined) steps.push(Number(match[2]));
    else steps.push(match[3]!.replace(/\\(.)/g, "$1"));
    rest = rest.slice(match[0].length);
  }
  return steps;
}

/** The value at `steps`, or undefined when any step is missing. Own properties only. */
export function readJsonPath(data: unknown, steps: PathStep[]): unknown {
  let current: unknown = data;
  for (const step of steps) {
    if (typeof step === "number") {
      if (!Array.isArray(current) || step >= current.length) return undefined;
      current = current[step];
    } else {
      if (current === null || typeof current !== "object" || Array.isArray(current))
        return undefined;
      if (!Object.prototype.hasOwnProperty.call(current, step)) return undefined;
      current = (current as Record<string, unknown>)[step];
    }
  }
  return current;
}

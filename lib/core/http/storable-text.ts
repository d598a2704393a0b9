import { badRequest } from "@/lib/core/errors/app-error";

/**
 * PostgreSQL cannot store the NUL character in text, and its JSON columns reject unpaired UTF-16
 * surrogates ("\ud800"). Neither is ever meant by a person typing, so request input containing
 * them is refused up front with a message naming the field, instead of failing in the database.
 */
export function unstorableText(value: string): string | null {
  if (value.includes("\u0000")) return "text cannot contain the NUL character (\\u0000).";
  if (!value.isWellFormed()) return "text contains broken Unicode (an unpaired surrogate).";
  return null;
}

/** The first string (or object key) in a parsed JSON value that cannot be stored, by path. */
export function findUnstorableText(root: unknown): { field: string; problem: string } | null {
  // Iterative: a request body may nest thousands of levels deep.
  const stack: { value: unknown; path: string }[] = [{ value: root, path: "" }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      const problem = unstorableText(value);
      if (problem) return { field: path || "_", problem };
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: path ? `${path}.${i}` : `${i}` }));
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        const keyProblem = unstorableText(key);
        if (keyProblem) return { field: path || "_", problem: `a field name: ${keyProblem}` };
        stack.push({ value: item, path: path ? `${path}.${key}` : key });
      }
    }
  }
  return null;
}

/** Throws a 400 naming the field when `value` holds text the database cannot store. */
export function assertStorableText(value: unknown): void {
  const found = findUnstorableText(value);
  if (!found) return;
  const message = found.field === "_" ? found.problem : `${found.field}: ${found.problem}`;
  throw badRequest(`Invalid input — ${message}`, { [found.field]: found.problem });
}

/**
 * Guardrails an organisation sets for every text that is saved or shared. Pure: the same check
 * runs in the browser while people type and on the server, which has the last word.
 */
export const LINKEDIN_MAX_CHARS = 3000;

export interface Guardrails {
  disclosureText: string | null;
  blockedPhrases: string[];
  requiredHashtags: string[];
  /**
   * While the organisation rewards sharing: the incentive disclosure every share must carry (a
   * second required text, checked like `disclosureText`). Only shares set it, never the studio.
   * Named apart from OrgSettings.incentiveDisclosure on purpose: a settings row passed as rules
   * must not require it while rewards are off.
   */
  rewardDisclosure?: string | null;
}

export type GuardrailViolation =
  | { code: "EMPTY"; message: string }
  | { code: "TOO_LONG"; message: string }
  | { code: "MISSING_DISCLOSURE"; message: string }
  | { code: "MISSING_INCENTIVE_DISCLOSURE"; message: string; disclosure: string }
  | { code: "BLOCKED_PHRASE"; message: string; phrase: string }
  | { code: "MISSING_HASHTAG"; message: string; hashtag: string };

/** LinkedIn counts characters as UTF-16 code units would suggest to people: count code points. */
export function characterCount(text: string): number {
  return [...text].length;
}

function normalise(text: string): string {
  return text.normalize("NFKC").toLocaleLowerCase("en");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A phrase matches as whole words (so "ass" does not match "class"), case-insensitively. */
export function containsPhrase(text: string, phrase: string): boolean {
  const p = normalise(phrase.trim());
  if (!p) return false;
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}_])${escapeRegExp(p)}(?=$|[^\\p{L}\\p{N}_])`, "u");
  return pattern.test(normalise(text));
}

/** "#Employee" and "employee" both mean the hashtag #employee. */
export function normaliseHashtag(tag: string): string {
  return `#${tag.trim().replace(/^#+/, "")}`;
}

export function hasHashtag(text: string, tag: string): boolean {
  const wanted = normalise(normaliseHashtag(tag));
  const pattern = new RegExp(
    `(^|[^\\p{L}\\p{N}_#])${escapeRegExp(wanted)}(?=$|[^\\p{L}\\p{N}_])`,
    "u",
  );
  return pattern.test(normalise(text));
}

/** Whether the text carries the disclosure (case- and width-insensitively, anywhere in it). */
export function hasDisclosure(text: string, disclosure: string | null | undefined): boolean {
  const wanted = disclosure?.trim();
  return !wanted || normalise(text).includes(normalise(wanted));
}

/** The incentive disclosure is missing: the message names it (the same in the browser and server). */
export function incentiveDisclosureMessage(disclosure: string): string {
  return `Keep the reward disclosure "${disclosure}" in the text: your organisation rewards sharing, so every post must say so.`;
}

export function evaluateGuardrails(
  text: string,
  rules: Guardrails,
  { maxChars = LINKEDIN_MAX_CHARS }: { maxChars?: number } = {},
): GuardrailViolation[] {
  const violations: GuardrailViolation[] = [];
  if (!text.trim()) {
    return [{ code: "EMPTY", message: "The text is empty." }];
  }
  const count = characterCount(text);
  if (count > maxChars) {
    violations.push({
      code: "TOO_LONG",
      message: `The text has ${count.toLocaleString("en")} characters; LinkedIn allows ${maxChars.toLocaleString("en")}. Remove ${(count - maxChars).toLocaleString("en")}.`,
    });
  }
  const disclosure = rules.disclosureText?.trim();
  if (disclosure && !hasDisclosure(text, disclosure)) {
    violations.push({
      code: "MISSING_DISCLOSURE",
      message: `Keep the disclosure "${disclosure}" in the text.`,
    });
  }
  const incentive = rules.rewardDisclosure?.trim();
  if (incentive && !hasDisclosure(text, incentive)) {
    violations.push({
      code: "MISSING_INCENTIVE_DISCLOSURE",
      disclosure: incentive,
      message: incentiveDisclosureMessage(incentive),
    });
  }
  for (const phrase of rules.blockedPhrases) {
    if (containsPhrase(text, phrase)) {
      violations.push({
        code: "BLOCKED_PHRASE",
        phrase,
        message: `"${phrase.trim()}" is not allowed in shared posts. Rephrase it.`,
      });
    }
  }
  for (const tag of rules.requiredHashtags) {
    if (!hasHashtag(text, tag)) {
      violations.push({
        code: "MISSING_HASHTAG",
        hashtag: normaliseHashtag(tag),
        message: `Add the hashtag ${normaliseHashtag(tag)}.`,
      });
    }
  }
  return violations;
}

export function violationSummary(violations: GuardrailViolation[]): string {
  return violations.map((v) => v.message).join(" ");
}

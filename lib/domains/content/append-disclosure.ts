import { hasDisclosure } from "@/lib/domains/content/guardrails";

/**
 * The text with the organisation's disclosure at its end, on a line of its own — unchanged when
 * there is no disclosure or the text already carries it. Used by "Insert disclosure" and to start
 * people from a caption that already passes the guardrail.
 */
export function appendDisclosure(text: string, disclosure: string | null | undefined): string {
  const wanted = disclosure?.trim();
  if (!wanted || hasDisclosure(text, wanted)) return text;
  const body = text.trimEnd();
  return body ? `${body}\n\n${wanted}` : wanted;
}

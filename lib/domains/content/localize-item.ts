/**
 * Picks the text an employee sees: their preferred language when the item has it (exact match,
 * then the same base language, e.g. "pt" for "pt-BR"), else the item's own language.
 */
export interface LocalizableItem {
  language: string;
  title: string;
  body: string;
  translations: { language: string; title: string; body: string }[];
  captions: { language: string; label: string; text: string }[];
}

export interface LocalizedText {
  language: string;
  title: string;
  body: string;
  captions: { label: string; text: string }[];
  /** True when the preferred language was not available and the item's own language is shown. */
  fallback: boolean;
}

export function localizeItem(item: LocalizableItem, preferred: string): LocalizedText {
  const base = (lang: string) => lang.toLowerCase().split("-")[0];
  const wanted = preferred.toLowerCase();
  const own = { language: item.language, title: item.title, body: item.body };
  const candidates = [own, ...item.translations];
  const chosen =
    candidates.find((c) => c.language.toLowerCase() === wanted) ??
    candidates.find((c) => base(c.language) === base(wanted)) ??
    own;
  return {
    language: chosen.language,
    title: chosen.title,
    body: chosen.body,
    captions: item.captions
      .filter((c) => c.language === chosen.language)
      .map(({ label, text }) => ({ label, text })),
    fallback: base(chosen.language) !== base(wanted),
  };
}

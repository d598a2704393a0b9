/** Languages people can choose for the feed; each is shown in its own name and in English. */
export const CONTENT_LANGUAGES: readonly { code: string; label: string }[] = [
  { code: "en", label: "English" },
  { code: "de", label: "Deutsch (German)" },
  { code: "fr", label: "Français (French)" },
  { code: "es", label: "Español (Spanish)" },
  { code: "it", label: "Italiano (Italian)" },
  { code: "nl", label: "Nederlands (Dutch)" },
  { code: "pt", label: "Português (Portuguese)" },
  { code: "sv", label: "Svenska (Swedish)" },
  { code: "da", label: "Dansk (Danish)" },
  { code: "no", label: "Norsk (Norwegian)" },
  { code: "fi", label: "Suomi (Finnish)" },
  { code: "pl", label: "Polski (Polish)" },
];

/** The choices, keeping a code set elsewhere (e.g. "pt-BR") so saving never changes it silently. */
export function contentLanguageOptions(current: string): { code: string; label: string }[] {
  return CONTENT_LANGUAGES.some((l) => l.code === current)
    ? [...CONTENT_LANGUAGES]
    : [...CONTENT_LANGUAGES, { code: current, label: current }];
}

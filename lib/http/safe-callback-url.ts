/** Only same-site paths are allowed after sign-in: "/x" yes, "//evil.com" or "https://…" no. */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return "/";
  return value;
}

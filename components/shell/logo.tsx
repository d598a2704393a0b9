/**
 * The Chorus mark: a "C" of two voices around a warm point — one message, many voices. The same
 * drawing is app/icon.svg (the favicon). Decorative wherever the word "Chorus" stands beside it.
 */
export function LogoMark({ className = "h-8 w-8" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={className}>
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <path
        d="M23.72 9.28A9.5 9.5 0 1 0 23.72 22.72"
        stroke="#fff"
        strokeWidth="2.6"
        fill="none"
        strokeLinecap="round"
      />
      <path
        d="M20.54 12.46A5 5 0 1 0 20.54 19.54"
        className="stroke-brand-200"
        strokeWidth="2.6"
        fill="none"
        strokeLinecap="round"
      />
      <circle cx="17" cy="16" r="2.1" className="fill-accent-400" />
    </svg>
  );
}

/** The mark with the word, as the shell's home link shows it. */
export function Logo() {
  return (
    <span className="flex items-center gap-2.5">
      <LogoMark />
      <span className="text-heading font-semibold tracking-tight">Chorus</span>
    </span>
  );
}

/**
 * Wall-clock times in an organisation's time zone ⇄ instants, with Intl only (no date library).
 * `<input type="datetime-local">` speaks wall-clock strings ("2026-12-01T09:00"); the API speaks
 * UTC ISO strings. Pure, so it runs in the browser and on the server alike.
 */

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `ms`, read back as if it were UTC (ms since the epoch). */
function wallClockMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
}

/** The zone's offset from UTC at an instant, in ms (Berlin in winter: +3,600,000). */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClockMs(whole, timeZone) - whole;
}

function parseLocal(local: string): number | null {
  const m = LOCAL_PATTERN.exec(local.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0));
  const ms = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  // Date.UTC rolls 2026-02-31 over to March: refuse impossible dates instead.
  const check = new Date(ms);
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day!) return null;
  if (hour! > 23 || minute! > 59 || second! > 59) return null;
  return ms;
}

/**
 * The instant a wall-clock time in `timeZone` stands for, as a Date; null for an unreadable value.
 * Like Temporal's "compatible" choice: an hour that happens twice (clocks go back) means the
 * earlier one; a time skipped when clocks go forward moves forward by the gap (02:30 → 03:30).
 */
export function zonedLocalToDate(local: string, timeZone: string): Date | null {
  const wall = parseLocal(local);
  if (wall === null) return null;
  const offsets = [...new Set([offsetAt(wall - DAY, timeZone), offsetAt(wall + DAY, timeZone)])];
  const matches = offsets
    .map((offset) => wall - offset)
    .filter((ms) => wallClockMs(ms, timeZone) === wall)
    .sort((a, b) => a - b);
  if (matches.length) return new Date(matches[0]!);
  // In a gap: read the wall time with the offset from before the change.
  return new Date(wall - offsetAt(wall - DAY, timeZone));
}

/** "2026-12-01T09:00" in Europe/Berlin → "2026-12-01T08:00:00.000Z"; "" or null → null. */
export function zonedLocalToUtc(local: string | null | undefined, timeZone: string): string | null {
  if (!local) return null;
  return zonedLocalToDate(local, timeZone)?.toISOString() ?? null;
}

/** The inverse: an instant → "YYYY-MM-DDTHH:mm" on the wall clock of `timeZone` (for inputs). */
export function utcToZonedLocal(
  instant: string | Date | null | undefined,
  timeZone: string,
): string {
  if (instant === null || instant === undefined || instant === "") return "";
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) return "";
  const wall = new Date(Math.floor(wallClockMs(ms, timeZone) / MINUTE) * MINUTE);
  return wall.toISOString().slice(0, 16);
}

/** The calendar day ("YYYY-MM-DD") an instant falls on in `timeZone`. */
export function zonedDateKey(instant: Date, timeZone: string): string {
  return utcToZonedLocal(instant, timeZone).slice(0, 10);
}

/** First instant of a month ("2026-12") in `timeZone`, and the first instant of the next. */
export function zonedMonthRange(month: string, timeZone: string): { start: Date; end: Date } {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
  return {
    start: zonedLocalToDate(`${month}-01T00:00`, timeZone)!,
    end: zonedLocalToDate(`${next}-01T00:00`, timeZone)!,
  };
}

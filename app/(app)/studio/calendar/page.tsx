import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/content/badges";
import { STATUS_TONES } from "@/components/content/value-type-style";
import { StudioBreadcrumb } from "@/components/studio/breadcrumb";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import {
  contentDisplayStatus,
  DISPLAY_STATUS_LABELS,
  type DisplayStatus,
} from "@/lib/domains/content/display-status";
import { listCalendarItems, type CalendarItem } from "@/lib/domains/content/list-calendar-items";
import { zonedDateKey, zonedMonthRange } from "@/lib/core/time/zoned-time";
import { dateFormatter, formatDay, type DateFormatter } from "@/lib/core/time/format-date";
import { requestDateFormat } from "@/lib/core/http/request-date-format";
import { firstDayOfWeek, monthWeeks, weekdayNames } from "@/lib/core/time/calendar-weeks";

export const metadata: Metadata = { title: "Calendar · Studio" };

type Entry = { item: CalendarItem; kind: "publish" | "expire" };

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess("content:manage");
  const timeZone = access.org.timeZone;
  const requested = (await searchParams).month;
  const today = zonedDateKey(new Date(), timeZone);
  const month =
    typeof requested === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(requested)
      ? requested
      : today.slice(0, 7);
  const { start, end } = zonedMonthRange(month, timeZone);
  const items = await listCalendarItems(access.orgId, start, end);

  const byDay = new Map<string, Entry[]>();
  const add = (day: string, entry: Entry) => byDay.set(day, [...(byDay.get(day) ?? []), entry]);
  for (const item of items) {
    if (item.publishDate && item.publishDate >= start && item.publishDate < end) {
      add(zonedDateKey(item.publishDate, timeZone), { item, kind: "publish" });
    }
    if (item.expireAt && item.expireAt >= start && item.expireAt < end) {
      add(zonedDateKey(item.expireAt, timeZone), { item, kind: "expire" });
    }
  }
  const dates = await requestDateFormat(timeZone);
  const monthName = formatDay(`${month}-01`, "monthYear", dates.locale);
  // Day keys are calendar days already: read as UTC so they never shift.
  const dayName = dateFormatter("weekdayDayMonth", { locale: dates.locale, timeZone: "UTC" });
  const time = dateFormatter("time", dates);
  // The week starts on the locale's first day (Sunday for en-US, Monday for en-GB and de-DE).
  const firstDay = firstDayOfWeek(dates.locale);
  const weekdays = weekdayNames(dates.locale, firstDay);
  const weeks = monthWeeks(month, firstDay);
  const daysWithItems = [...byDay.keys()].sort();

  return (
    <>
      <StudioBreadcrumb current="Calendar" />
      <PageHeader
        title="Calendar"
        description={`Posts by publish date, and when they expire. Times in ${timeZone.replaceAll("_", " ")}.`}
        actions={
          <Link href="/studio/new" className={buttonClass("primary")}>
            <span aria-hidden="true">+</span> New post
          </Link>
        }
      />
      <nav aria-label="Months" className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <Link
          href={`/studio/calendar?month=${shiftMonth(month, -1)}`}
          className={buttonClass("secondary")}
          rel="prev"
        >
          <span aria-hidden="true">←</span> Previous month
        </Link>
        <h2 className="text-xl font-semibold">{monthName}</h2>
        <div className="flex gap-2">
          {month !== today.slice(0, 7) ? (
            <Link href="/studio/calendar" className={buttonClass("ghost")}>
              This month
            </Link>
          ) : null}
          <Link
            href={`/studio/calendar?month=${shiftMonth(month, 1)}`}
            className={buttonClass("secondary")}
            rel="next"
          >
            Next month <span aria-hidden="true">→</span>
          </Link>
        </div>
      </nav>
      {items.length === 0 ? (
        <p className="mb-4 rounded-md bg-white px-4 py-3 text-sm text-slate-600 ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-400 dark:ring-slate-800">
          Nothing is scheduled, published or expiring in {monthName}.
        </p>
      ) : null}

      <div className="hidden overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200 md:block dark:bg-slate-900 dark:ring-slate-800">
        <table className="w-full table-fixed border-collapse text-sm">
          <caption className="sr-only">{monthName}: posts by day</caption>
          <thead>
            <tr>
              {weekdays.map((d) => (
                <th
                  key={d.long}
                  scope="col"
                  className="border-b border-slate-200 px-2 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400"
                >
                  <abbr title={d.long} className="no-underline">
                    {d.short}
                  </abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, w) => (
              <tr key={w}>
                {week.map((day, i) => (
                  <td
                    key={day ?? `pad-${w}-${i}`}
                    className={`h-28 border-t border-r border-slate-100 p-1.5 align-top last:border-r-0 dark:border-slate-800 ${day ? "" : "bg-slate-50 dark:bg-slate-950/40"}`}
                  >
                    {day ? (
                      <DayCell
                        day={day}
                        label={dayName.format(new Date(`${day}T00:00:00Z`))}
                        isToday={day === today}
                        entries={byDay.get(day) ?? []}
                        time={time}
                      />
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-label={`${monthName}, day by day`} className="space-y-4 md:hidden">
        {daysWithItems.map((day) => (
          <div key={day}>
            <h3 className="mb-1 text-sm font-semibold">
              {dayName.format(new Date(`${day}T00:00:00Z`))}
              {day === today ? " (today)" : ""}
            </h3>
            <EntryList entries={byDay.get(day)!} time={time} />
          </div>
        ))}
      </section>

      <p className="mt-4 flex flex-wrap gap-3 text-xs text-slate-600 dark:text-slate-400">
        {(Object.keys(DISPLAY_STATUS_LABELS) as DisplayStatus[]).map((s) => (
          <StatusBadge key={s} status={s} />
        ))}
        <span className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block h-3.5 w-3 rounded-sm border-l-4 border-dashed border-l-slate-400 ring-1 ring-inset ring-slate-300 dark:ring-slate-600"
          />
          Dashed: the post expires that day
        </span>
      </p>
    </>
  );
}

function DayCell({
  day,
  label,
  isToday,
  entries,
  time,
}: {
  day: string;
  label: string;
  isToday: boolean;
  entries: Entry[];
  time: DateFormatter;
}) {
  return (
    <div className="flex h-full flex-col gap-1">
      <p className="text-xs">
        <span
          aria-hidden="true"
          className={`inline-flex h-6 w-6 items-center justify-center rounded-full ${isToday ? "bg-brand-600 font-semibold text-white" : "text-slate-600 dark:text-slate-400"}`}
        >
          {Number(day.slice(8))}
        </span>
        <span className="sr-only">
          {label}
          {isToday ? " (today)" : ""}
          {entries.length ? `: ${entries.length} item${entries.length === 1 ? "" : "s"}` : ""}
        </span>
      </p>
      {entries.length ? <EntryList entries={entries} time={time} compact /> : null}
    </div>
  );
}

function EntryList({
  entries,
  time,
  compact,
}: {
  entries: Entry[];
  time: DateFormatter;
  compact?: boolean;
}) {
  const now = new Date();
  return (
    <ul className="space-y-1">
      {entries.map(({ item, kind }) => {
        const at = kind === "publish" ? item.publishDate! : item.expireAt!;
        const status = contentDisplayStatus(item, now);
        return (
          <li key={`${item.id}-${kind}`}>
            <Link
              href={`/studio/${item.id}`}
              title={compact ? item.title : undefined}
              className={`block rounded border-l-4 px-1.5 py-1 text-xs ${STATUS_TONES[status].border} ${kind === "expire" ? "border-dashed bg-white ring-1 ring-inset ring-slate-200 hover:bg-slate-50 dark:bg-slate-900 dark:ring-slate-700 dark:hover:bg-slate-800" : "bg-slate-50 hover:bg-slate-100 dark:bg-slate-800 dark:hover:bg-slate-700"}`}
            >
              <span className={`block font-medium ${compact ? "truncate" : ""}`}>{item.title}</span>
              <span className="block text-slate-600 dark:text-slate-400">
                {kind === "expire" ? (
                  <strong className="font-semibold">Expires</strong>
                ) : (
                  DISPLAY_STATUS_LABELS[status]
                )}{" "}
                · {time.format(at)}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

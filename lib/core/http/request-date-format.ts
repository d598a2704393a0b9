import { cache } from "react";
import { headers } from "next/headers";
import type { DateFormat } from "@/lib/core/time/format-date";
import { pickLocale } from "@/lib/core/time/pick-locale";

const requestLocale = cache(async () => pickLocale((await headers()).get("accept-language")));

/**
 * How the page being rendered shows dates: the locale of the person's browser (Accept-Language)
 * and `timeZone`, the organisation's. Server components format with it and pass it to the client
 * components they render, so both sides print the same text.
 */
export async function requestDateFormat(timeZone: string): Promise<DateFormat> {
  return { locale: await requestLocale(), timeZone };
}

import { z } from "zod";

/** Shared field rules, so every boundary says the same thing about the same field. */
export const emailField = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, { error: "Email addresses are at most 254 characters." })
  .pipe(z.email({ error: "Enter a valid email address, like name@company.com." }));

export const personNameField = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, { error: "Enter a name." })
  .max(120, { error: "Names are at most 120 characters." });

export const idField = z.string().trim().min(1).max(64);

export const roleField = z.enum(["ADMIN", "MANAGER", "EMPLOYEE"], {
  error: "Role must be one of ADMIN, MANAGER or EMPLOYEE.",
});

export const timeZoneField = z
  .string()
  .trim()
  .refine((tz) => isTimeZone(tz), {
    error: "Choose a time zone from the list, e.g. Europe/Berlin.",
  });

export function isTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** A 3-letter ISO 4217 currency code this runtime knows (EUR, USD…). */
export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && CURRENCIES.has(value);
}

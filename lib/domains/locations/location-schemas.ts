import { z } from "zod";

export const LOCATION_NAME_MAX = 60;

/** An office, site or city: what people are grouped by where they work. */
export const locationName = z
  .string({ error: "Enter a location name." })
  .trim()
  .min(1, { error: "Enter a location name." })
  .max(LOCATION_NAME_MAX, { error: `Location names are at most ${LOCATION_NAME_MAX} characters.` });

export const createLocationSchema = z.object({ name: locationName }).strict();

export const updateLocationSchema = z.object({ name: locationName }).strict();

export type CreateLocationInput = z.infer<typeof createLocationSchema>;
export type UpdateLocationInput = z.infer<typeof updateLocationSchema>;

/** The one-tap link of a reminder: the composer, prefilled with the prepared post. */
export function reminderPath(itemId: string, reminderId: string): string {
  return `/share/${encodeURIComponent(itemId)}?reminder=${encodeURIComponent(reminderId)}`;
}

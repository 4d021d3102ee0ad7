// When a message's contents must be deleted: its retainUntil, or the node's default retention.

/**
 * The end of retention in epoch milliseconds: the end (UTC) of the day `handling.retainUntil`
 * names when the sender set one, else `defaultDays` after `storedAt`. A sender's date never
 * extends retention beyond the node's default: the shorter of the two applies.
 *
 * @example retentionEnd({ retainUntil: '2027-05-31' }, new Date(), 365)
 */
export function retentionEnd(
  handling: { retainUntil?: string } | undefined,
  storedAt: Date,
  defaultDays: number,
): number {
  const byDefault = storedAt.getTime() + defaultDays * 86_400_000;
  const until = handling?.retainUntil;
  if (!until) return byDefault;
  const endOfDay = Date.parse(`${until}T23:59:59.999Z`);
  return Number.isFinite(endOfDay) ? Math.min(endOfDay, byDefault) : byDefault;
}

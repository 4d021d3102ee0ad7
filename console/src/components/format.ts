// Dates and times as the console shows them: unambiguous, in UTC, to the second.
/** `2026-12-01 20:31:07 UTC`. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

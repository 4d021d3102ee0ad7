// Readiness checks in words: what is red and why.
import type { Readiness } from '../api/types.js';

interface Check {
  ok?: boolean;
  sequence?: number;
  nextUpdate?: string;
  backlog?: number;
  dropped?: number;
  lastError?: string;
}

/** The reason of each red readiness item, in words. */
export function notReadyReasons(r: Readiness): string[] {
  const c = r.checks as Record<'redis' | 'directory' | 'audit', Check>;
  const out: string[] = [];
  if (c.redis.ok === false)
    out.push('Redis does not answer; nothing can be accepted or delivered.');
  if (c.directory.ok === false)
    out.push(
      `the federation directory (sequence ${c.directory.sequence ?? '?'}) is out of date since ${c.directory.nextUpdate ?? '?'}; sending is refused until a newer one is loaded.`,
    );
  if (c.audit.ok === false)
    out.push(
      `the audit journal cannot be written${c.audit.lastError ? ` (${c.audit.lastError})` : ''}; ${c.audit.backlog ?? 0} entries wait, ${c.audit.dropped ?? 0} were dropped.`,
    );
  return out;
}

// The messages of one case thread: linked by correlation id or by the message they answer.
import { api } from '../../api/client.js';
import type { MessageList, MessageSummary } from '../../api/types.js';

/** A message of the thread and the box it is in. */
export type ThreadItem = MessageSummary;

/**
 * Every message of the newest 500 of each box that is linked to `id` (same correlation id, or
 * answering or answered by a linked message), oldest first.
 */
export async function loadThread(id: string, signal?: AbortSignal): Promise<ThreadItem[]> {
  const [inbox, outbox] = await Promise.all([
    api<MessageList>('GET', '/v1/inbox', { query: { limit: 500 }, ...(signal ? { signal } : {}) }),
    api<MessageList>('GET', '/v1/outbox', { query: { limit: 500 }, ...(signal ? { signal } : {}) }),
  ]);
  const all = [...inbox.items, ...outbox.items];
  const ids = new Set([id]);
  const correlations = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const m of all) {
      const linked =
        ids.has(m.id) ||
        (m.inReplyTo !== undefined && ids.has(m.inReplyTo)) ||
        (m.answeredBy !== undefined && ids.has(m.answeredBy)) ||
        (m.correlationId !== undefined && correlations.has(m.correlationId));
      if (!linked) continue;
      for (const k of [m.id, m.inReplyTo, m.answeredBy]) {
        if (k && !ids.has(k)) {
          ids.add(k);
          grew = true;
        }
      }
      if (m.correlationId && !correlations.has(m.correlationId)) {
        correlations.add(m.correlationId);
        grew = true;
      }
    }
  }
  return all
    .filter(
      (m) => ids.has(m.id) || (m.correlationId !== undefined && correlations.has(m.correlationId)),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

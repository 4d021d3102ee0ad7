// The messages of one case thread: those sharing its correlation id (the node's thread route), or linked by what they answer.
import { api } from '../../api/client.js';
import type { MessageDetail, MessageList, MessageSummary, Thread } from '../../api/types.js';

/**
 * The thread of a message, oldest first: the node's thread of its correlation id when it has
 * one; otherwise the messages of both boxes that answer it or that it answers.
 */
export async function loadThread(
  id: string,
  correlationId: string | undefined,
  signal?: AbortSignal,
): Promise<MessageSummary[]> {
  const opts = signal ? { signal } : {};
  if (correlationId) {
    const t = await api<Thread>('GET', `/v1/threads/${encodeURIComponent(correlationId)}`, opts);
    return t.items;
  }
  const [replies, out, inb] = await Promise.all([
    api<MessageList>('GET', '/v1/inbox', { query: { inReplyTo: id, limit: 100 }, ...opts }),
    api<MessageList>('GET', '/v1/outbox', { query: { inReplyTo: id, limit: 100 }, ...opts }),
    Promise.all([
      api<MessageDetail>('GET', `/v1/outbox/${id}`, opts).then(
        (d) => d.summary,
        () => undefined,
      ),
      api<MessageDetail>('GET', `/v1/inbox/${id}`, opts).then(
        (d) => d.summary,
        () => undefined,
      ),
    ]),
  ]);
  const all = [
    ...inb.filter((m): m is MessageSummary => m !== undefined),
    ...replies.items,
    ...out.items,
  ];
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

// Local API handler of a case thread: every message of one correlationId, both boxes, oldest first.
import type { MessageStore } from '../../store/message-store.js';
import type { HandlerTable } from '../local-app.js';
import { toSummary } from './messages.js';
import type { components } from '../../../generated/openapi.js';

/** What the thread route reads. */
export interface ThreadDeps {
  store: Pick<MessageStore, 'thread'>;
}

/**
 * Handler of `getThread`: the request, its responses, hits and later messages that share a
 * correlationId, sent and received, oldest first; `truncated` when the thread holds more than
 * one answer returns. An unknown correlationId is an empty thread, not a 404: a thread exists
 * as soon as a message names it, and an empty one says nothing about other nodes' messages.
 */
export function threadHandlers(deps: ThreadDeps): HandlerTable {
  return {
    getThread: async (ctx) => {
      const correlationId = String(ctx.params.correlationId);
      const t = await deps.store.thread(correlationId);
      const body: components['schemas']['Thread'] = {
        correlationId,
        items: t.items.map(toSummary),
        truncated: t.total > t.items.length,
      };
      return { status: 200, body };
    },
  };
}

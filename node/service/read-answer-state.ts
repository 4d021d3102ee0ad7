// Reads the trace responses received for an outbound trace request and computes its answer state.
import { answerState } from './answer-state.js';
import type { MessageStore, StoredMessage } from '../store/message-store.js';
import type { components } from '../../generated/openapi.js';

type AnswerState = components['schemas']['AnswerState'];

/** Responses read per request at most (a seizure answered in more parts than this is rare). */
export const MAX_RESPONSES = 100;

/**
 * The answer state of `request` (an outbound trace request with its message) from the trace
 * responses in the inbox that reply to it and come from the member it was sent to; undefined
 * for any other message, or when its contents were purged. Costs one indexed list and one read
 * per response.
 *
 * @example const s = await readAnswerState(store, await store.get('out', id));
 */
export async function readAnswerState(
  store: Pick<MessageStore, 'list' | 'get'>,
  request: Pick<StoredMessage, 'id' | 'box' | 'type' | 'to' | 'message'>,
): Promise<AnswerState | undefined> {
  if (request.box !== 'out' || request.type !== 'trace-request' || !request.message)
    return undefined;
  const page = await store.list('in', {
    inReplyTo: request.id,
    type: 'trace-response',
    limit: MAX_RESPONSES,
  });
  const responses = [];
  for (const r of page.items.filter((x) => x.from === request.to)) {
    const m = await store.get('in', r.id);
    const message = m?.message as { createdAt?: string; body?: unknown } | undefined;
    if (message) responses.push({ id: r.id, createdAt: r.createdAt, body: message.body });
  }
  return answerState((request.message as { body?: unknown }).body, responses);
}

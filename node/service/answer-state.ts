// How much of a trace request its received responses answer: per item of a seizure, and in total.
import type { components } from '../../generated/openapi.js';

type AnswerState = components['schemas']['AnswerState'];
type ItemAnswerState = AnswerState['byItem'][number];

/** A received trace response as the computation needs it: its id, when it was sent, its body. */
export interface ReceivedResponse {
  id: string;
  createdAt: string;
  body: unknown;
}

interface RequestItem {
  itemId: string;
  kind: string;
}

const ANSWERED = new Set(['completed', 'unable']);

/** The value of `key` when `v` is an object holding a string there. */
function stringAt(v: unknown, key: string): string | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const x = (v as Record<string, unknown>)[key];
  return typeof x === 'string' ? x : undefined;
}

/** The items a trace request names: its `items`, or its one firearm as item `firearm`. */
function itemsOf(requestBody: unknown): RequestItem[] {
  const b = (requestBody ?? {}) as { items?: unknown };
  if (Array.isArray(b.items)) {
    return (b.items as unknown[]).flatMap((i) => {
      const itemId = stringAt(i, 'itemId');
      return itemId ? [{ itemId, kind: stringAt(i, 'kind') ?? 'firearm' }] : [];
    });
  }
  return [{ itemId: 'firearm', kind: 'firearm' }];
}

/**
 * The answer state of a trace request from the responses received for it (each with
 * `inReplyTo` = the request's id), oldest first: an item's latest answer counts; a response
 * with `items` answers the items it names, one without answers every item with its overall
 * status (`completed` or `unable`; `partial` leaves them pending). Item ids a response names
 * that the request does not have are ignored. Pure: the caller reads the store.
 *
 * @example
 * const s = answerState(request.body, [{ id, createdAt, body }]);
 * `${s.answered} of ${s.items} items answered`;
 */
export function answerState(requestBody: unknown, responses: ReceivedResponse[]): AnswerState {
  const items = itemsOf(requestBody);
  const state = new Map<string, ItemAnswerState>(
    items.map((i) => [i.itemId, { itemId: i.itemId, kind: i.kind, status: 'unanswered' }]),
  );
  const ordered = [...responses].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  for (const r of ordered) {
    const body = (r.body ?? {}) as { status?: unknown; items?: unknown };
    const answers: Array<{ itemId: string; status: string }> = Array.isArray(body.items)
      ? (body.items as unknown[]).flatMap((a) => {
          const itemId = stringAt(a, 'itemId');
          const status = stringAt(a, 'status');
          return itemId && status ? [{ itemId, status }] : [];
        })
      : items.map((i) => ({
          itemId: i.itemId,
          status: body.status === 'partial' ? 'pending' : String(body.status),
        }));
    for (const a of answers) {
      const s = state.get(a.itemId);
      if (!s || !['completed', 'unable', 'pending'].includes(a.status)) continue;
      state.set(a.itemId, {
        ...s,
        status: a.status as ItemAnswerState['status'],
        responseId: r.id,
        answeredAt: r.createdAt,
      });
    }
  }
  const byItem = [...state.values()];
  return {
    items: byItem.length,
    answered: byItem.filter((i) => ANSWERED.has(i.status)).length,
    pending: byItem.filter((i) => i.status === 'pending').length,
    responses: responses.length,
    byItem,
  };
}

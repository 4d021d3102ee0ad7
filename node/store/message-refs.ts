// The references a message body carries, for the exact reference search of the outbox and inbox.

/** At most this many references of one message are indexed (a hit links a handful of cases). */
export const MAX_REFS = 32;

/**
 * The references of a stored message (the message as sealed or opened): the body's
 * `requestRef` (trace request and response), `notificationRef` (hit notification), `caseRef`
 * (trace request) and each `linkedCases[].caseRef` (hit notification), without repeats, in
 * that order. Anything else, or a message without a body, has none.
 *
 * @example messageRefs({ body: { requestRef: 'AL-2026-0042', caseRef: 'TR-9' } }) // ['AL-2026-0042', 'TR-9']
 */
export function messageRefs(message: unknown): string[] {
  const body = field(message, 'body');
  const refs = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && v !== '' && refs.size < MAX_REFS) refs.add(v);
  };
  add(field(body, 'requestRef'));
  add(field(body, 'notificationRef'));
  add(field(body, 'caseRef'));
  const linked = field(body, 'linkedCases');
  if (Array.isArray(linked)) for (const c of linked) add(field(c, 'caseRef'));
  return [...refs];
}

function field(o: unknown, name: string): unknown {
  return typeof o === 'object' && o !== null && !Array.isArray(o)
    ? (o as Record<string, unknown>)[name]
    : undefined;
}

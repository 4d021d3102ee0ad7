// Local API handlers of messages: submit, outbox and inbox, one message, reply to a trace request.
import { decodeJwt } from 'jose';
import { NodeError } from '../../errors.js';
import { submitMessage, type SubmitDeps } from '../../message-flow/submit-message.js';
import { readAnswerState } from '../../service/read-answer-state.js';
import type { Box, ListedMessage, StoredMessage } from '../../store/message-store.js';
import type { MessageStatus } from '../../store/message-status.js';
import type { HandlerTable } from '../local-app.js';
import type { components } from '../../../generated/openapi.js';

type Schemas = components['schemas'];

/** What the message routes use: what submitting uses (the store lists and reads as well). */
export type MessageRouteDeps = SubmitDeps;

/** Handlers of the `messages` tag. */
export function messageHandlers(deps: MessageRouteDeps): HandlerTable {
  const list = (box: Box) => async (ctx: { query: Record<string, unknown> }) => {
    const q = ctx.query as {
      status?: MessageStatus;
      type?: string;
      peer?: string;
      from?: string;
      to?: string;
      correlationId?: string;
      inReplyTo?: string;
      ref?: string;
      limit?: number;
      cursor?: string;
    };
    const page = await deps.store.list(box, {
      limit: q.limit ?? 50,
      ...(q.status ? { status: q.status } : {}),
      ...(q.type ? { type: q.type } : {}),
      ...(q.peer ? { peer: q.peer } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.correlationId ? { correlationId: q.correlationId } : {}),
      ...(q.inReplyTo ? { inReplyTo: q.inReplyTo } : {}),
      ...(q.ref ? { ref: q.ref } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    });
    const body: Schemas['MessageList'] = {
      items: await Promise.all(page.items.map((m) => withAnswers(deps.store, toSummary(m)))),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
    return { status: 200, body };
  };
  const one =
    (box: Box) =>
    async (ctx: { params: Record<string, unknown>; actor: { sub: string; role: string } }) => {
      const id = String(ctx.params.id);
      const m = await deps.store.get(box, id);
      if (!m)
        throw new NodeError(
          'NODE-NOT-FOUND',
          `no ${box === 'in' ? 'inbox' : 'outbox'} message ${id}`,
        );
      deps.events.emit('consulted', { messageId: id, box, actor: ctx.actor });
      const answers = await readAnswerState(deps.store, m);
      if (!answers) return { status: 200, body: toDetail(m) };
      const { byItem: _, ...counts } = answers;
      const detail = toDetail(m);
      return {
        status: 200,
        body: { ...detail, summary: { ...detail.summary, answers: counts }, answers },
      };
    };

  return {
    submitMessage: async (ctx) => ({
      status: 202,
      body: await submitMessage(deps, ctx.actor, ctx.body as Schemas['SubmitRequest']),
    }),
    listOutbox: list('out'),
    listInbox: list('in'),
    getOutboxMessage: one('out'),
    getInboxMessage: one('in'),
    replyToMessage: async (ctx) => {
      const id = String(ctx.params.id);
      const request = await deps.store.get('in', id);
      if (!request) throw new NodeError('NODE-NOT-FOUND', `no inbox message ${id}`);
      if (request.type !== 'trace-request') {
        throw new NodeError(
          'NODE-CONFLICT',
          `only a trace request can be answered; ${id} is a ${request.type}`,
        );
      }
      const req = ctx.body as Schemas['ReplyRequest'];
      const result = await submitMessage(deps, ctx.actor, {
        type: 'trace-response',
        to: [request.from],
        handling: req.handling,
        body: req.body,
        inReplyTo: id,
        ...(request.correlationId ? { correlationId: request.correlationId } : {}),
        ...(req.ttlSeconds ? { ttlSeconds: req.ttlSeconds } : {}),
      });
      const sent = result.results.find((r) => r.status === 'queued');
      if (sent) await deps.store.markInboundAnswered(id, sent.messageId);
      return { status: 202, body: result };
    },
  };
}

/** A listed outbound trace request with how many of its items are answered (read from the store). */
async function withAnswers(
  store: MessageRouteDeps['store'],
  s: Schemas['MessageSummary'],
): Promise<Schemas['MessageSummary']> {
  if (s.box !== 'out' || s.type !== 'trace-request') return s;
  const m = await store.get('out', s.id);
  const answers = m ? await readAnswerState(store, m) : undefined;
  if (!answers) return s;
  const { byItem: _, ...counts } = answers;
  return { ...s, answers: counts };
}

/** The list view of a stored message. */
export function toSummary(m: ListedMessage): Schemas['MessageSummary'] {
  return {
    id: m.id,
    box: m.box,
    type: m.type as Schemas['MessageSummary']['type'],
    from: m.from,
    to: m.to,
    status: m.status,
    createdAt: m.createdAt,
    expiresAt: m.expiresAt,
    updatedAt: m.updatedAt,
    attempts: m.attempts,
    ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
    ...(m.correlationId ? { correlationId: m.correlationId } : {}),
    ...(m.answeredBy ? { answeredBy: m.answeredBy } : {}),
    ...(m.lastError ? { lastError: m.lastError } : {}),
  };
}

function toDetail(m: StoredMessage): Schemas['MessageDetail'] {
  return {
    summary: toSummary(m),
    history: m.history as Schemas['MessageDetail']['history'],
    ...(m.message ? { message: m.message as Record<string, never> } : {}),
    ...(m.purgedAt ? { purgedAt: m.purgedAt } : {}),
    ...(m.decision ? { decision: m.decision as Schemas['DecisionSummary'] } : {}),
    ...(m.digest ? { digest: m.digest } : {}),
    // The receipt was verified when it arrived (outbound) or signed here (inbound).
    ...(m.receipt
      ? { receipt: { jws: m.receipt, payload: decodeJwt(m.receipt) as Record<string, never> } }
      : {}),
  };
}

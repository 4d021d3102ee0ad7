// Local API handler of live updates: server-sent events of message changes, filtered by role.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeFeed } from '../../service/change-feed.js';
import type { HandlerTable } from '../local-app.js';
import type { components } from '../../../generated/openapi.js';

type MessageChange = components['schemas']['MessageChange'];

/**
 * A client that reads this far behind is dropped (its browser reconnects and reloads what it
 * shows), so a stalled reader never makes the node hold an unbounded backlog.
 */
const MAX_BUFFERED_BYTES = 256 * 1024;

/** What the events route needs. */
export interface EventsDeps {
  feed: Pick<ChangeFeed, 'subscribe'>;
  /** Interval of the heartbeat comments that keep proxies and the browser from closing an idle stream. */
  heartbeatMs: number;
}

/**
 * What a caller may see: an analyst every change of both boxes (ids, types, statuses: what the
 * inbox and outbox routes show them); an admin the outbox's changes (queues and dead letters),
 * not what arrives.
 */
export function visibleTo(roles: readonly string[]): (c: MessageChange) => boolean {
  if (roles.includes('analyst')) return () => true;
  if (roles.includes('admin')) return (c) => c.box === 'out';
  return () => false;
}

/**
 * Handler of `streamEvents`: `text/event-stream` with one event per change (`event:` created,
 * status, delivered or answered; `data:` a MessageChange), a heartbeat comment every
 * `heartbeatMs`, and the subscription ended when the client goes away. The subscription is made
 * before the answer starts, so a refused stream (too many open) is a plain 503 problem.
 */
export function eventsHandlers(deps: EventsDeps): HandlerTable {
  return {
    streamEvents: async (ctx) => {
      const visible = visibleTo(ctx.principal?.roles ?? []);
      let res: ServerResponse | undefined;
      const pending: MessageChange[] = [];
      const write = (c: MessageChange) => {
        if (!visible(c)) return;
        if (!res) pending.push(c);
        else if (res.writableLength > MAX_BUFFERED_BYTES) res.destroy();
        else res.write(`event: ${c.change}\ndata: ${JSON.stringify(c)}\n\n`);
      };
      const unsubscribe = await deps.feed.subscribe(write);
      return {
        status: 200,
        contentType: 'text/event-stream',
        body: '',
        stream: (req: IncomingMessage, out: ServerResponse) => {
          out.writeHead(200, {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-cache, no-transform',
            'x-accel-buffering': 'no',
            connection: 'keep-alive',
          });
          out.flushHeaders();
          out.write('retry: 2000\n: live updates of message changes\n\n');
          res = out;
          for (const c of pending.splice(0)) write(c);
          const heartbeat = setInterval(() => out.write(': heartbeat\n\n'), deps.heartbeatMs);
          const end = () => {
            clearInterval(heartbeat);
            unsubscribe();
          };
          req.on('close', end);
          out.on('close', end);
          out.on('error', end);
          if (req.destroyed || out.destroyed) end();
        },
      };
    },
  };
}

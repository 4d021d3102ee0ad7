// Live updates from narrow dependencies: the change feed on a real Redis, the events handler on a real HTTP server.
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { connect, type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { ChangeFeed } from '../../node/service/change-feed.js';
import { eventsHandlers } from '../../node/http/routes/events.js';
import type { NodeError } from '../../node/errors.js';
import { createRedis } from '../../node/lib/redis.js';
import { eventually } from '../fixtures/federation.js';
import { redisUrl, testPrefix } from '../fixtures/redis.js';

describe('ChangeFeed and the events handler', function () {
  this.timeout(30_000);
  let redis: Redis;
  let prefix: string;
  let feed: ChangeFeed;
  let server: Server;
  let base: string;
  const name = `ffx-test-events-${process.pid}`;

  beforeEach(async () => {
    redis = new Redis(redisUrl);
    prefix = testPrefix('events');
    feed = new ChangeFeed({
      connect: () => createRedis(redisUrl, name),
      channel: `${prefix}events`,
      maxStreams: 2,
    });
    const handler = eventsHandlers({ feed, heartbeatMs: 100 }).streamEvents!;
    server = createServer((req, res) => {
      const roles = String(req.headers['x-roles'] ?? '').split(',');
      handler({
        params: {},
        query: {},
        body: undefined,
        principal: { sub: 't', roles } as never,
        actor: { sub: 't', role: roles[0]! },
      }).then(
        (out) => out.stream!(req, res),
        (err: NodeError) => {
          res.statusCode = err.status;
          res.end(err.message);
        },
      );
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    server.close();
    await eventually('streams closed', async () => feed.size === 0, 5000);
    redis.disconnect();
  });

  /** Opens a stream as `roles`; collects its text. */
  async function open(roles: string) {
    const ctrl = new AbortController();
    const res = await fetch(base, { headers: { 'x-roles': roles }, signal: ctrl.signal });
    const got = { status: res.status, text: '', type: res.headers.get('content-type') };
    if (res.status === 200) {
      void (async () => {
        try {
          for await (const chunk of res.body!.pipeThrough(new TextDecoderStream()))
            got.text += chunk;
        } catch {
          // closed
        }
      })();
    } else {
      got.text = await res.text();
    }
    return {
      ...got,
      get text() {
        return got.text;
      },
      close: () => ctrl.abort(),
    };
  }

  const publish = (change: Record<string, unknown>) =>
    redis.publish(`${prefix}events`, JSON.stringify(change));

  const subscribers = async () =>
    String(await redis.client('LIST'))
      .split('\n')
      .filter((l: string) => l.includes(` name=${name} `)).length;

  it('streams each published change as a named event, filtered by role, with heartbeats', async () => {
    const analyst = await open('analyst');
    const admin = await open('admin');
    expect(analyst.status).to.equal(200);
    expect(analyst.type).to.equal('text/event-stream; charset=utf-8');
    const at = new Date().toISOString();
    await publish({
      box: 'out',
      id: 'm1',
      status: 'queued',
      peer: 'RS',
      type: 'trace-request',
      at,
    });
    await publish({
      box: 'out',
      id: 'm1',
      status: 'delivered',
      previous: 'sending',
      peer: 'RS',
      type: 'trace-request',
      at,
    });
    await publish({
      box: 'in',
      id: 'm2',
      status: 'received',
      peer: 'RS',
      type: 'trace-response',
      at,
    });
    await publish({
      box: 'in',
      id: 'm0',
      status: 'answered',
      previous: 'received',
      peer: 'RS',
      type: 'trace-request',
      at,
    });
    await publish({ nonsense: true });
    await eventually(
      'four events for the analyst',
      async () => analyst.text.split('event: ').length - 1 === 4,
      5000,
    );
    await eventually('heartbeats', async () => analyst.text.includes(': heartbeat\n\n'), 5000);
    const events = analyst.text
      .split('\n\n')
      .filter((b) => b.startsWith('event: '))
      .map((b) => ({
        event: b.split('\n')[0]!.slice(7),
        data: JSON.parse(b.split('\n')[1]!.slice(6)) as Record<string, unknown>,
      }));
    expect(events.map((e) => [e.event, e.data.id])).to.deep.equal([
      ['created', 'm1'],
      ['delivered', 'm1'],
      ['created', 'm2'],
      ['answered', 'm0'],
    ]);
    expect(events[1]!.data).to.deep.equal({
      change: 'delivered',
      box: 'out',
      id: 'm1',
      status: 'delivered',
      previous: 'sending',
      type: 'trace-request',
      peer: 'RS',
      at,
    });
    await eventually(
      'the admin sees the outbox',
      async () => admin.text.split('event: ').length - 1 === 2,
      5000,
    );
    expect(admin.text).to.not.include('"box":"in"');
    analyst.close();
    admin.close();
  });

  it('refuses a stream beyond its maximum with 503 and takes one again when one closes', async () => {
    const a = await open('analyst');
    const b = await open('analyst');
    const c = await open('analyst');
    expect([a.status, b.status, c.status]).to.deep.equal([200, 200, 503]);
    expect(c.text).to.match(/already serves 2 live update streams/);
    a.close();
    await eventually('one stream left', async () => feed.size === 1, 5000);
    const d = await open('analyst');
    expect(d.status).to.equal(200);
    b.close();
    d.close();
  });

  it('drops a client that stops reading once its backlog passes the bound', async () => {
    // A raw connection that sends its request and never reads what comes back.
    const { port } = new URL(base);
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    socket.pause();
    socket.write('GET / HTTP/1.1\r\nHost: x\r\nx-roles: analyst\r\n\r\n');
    await eventually('the stream subscribed', async () => feed.size === 1, 5000);
    const closed = once(socket, 'close');
    const filler = 'x'.repeat(2000);
    for (let round = 0; round < 40 && feed.size > 0; round++) {
      const p = redis.pipeline();
      for (let i = 0; i < 500; i++)
        p.publish(
          `${prefix}events`,
          JSON.stringify({
            box: 'out',
            id: filler,
            status: 'queued',
            at: new Date().toISOString(),
          }),
        );
      await p.exec();
    }
    await eventually('the stream dropped', async () => feed.size === 0, 10_000);
    socket.resume();
    await closed;
  });

  it('holds one subscriber connection while streams are open and none after the last closes', async () => {
    expect(await subscribers()).to.equal(0);
    const a = await open('analyst');
    const b = await open('admin');
    expect(await subscribers()).to.equal(1);
    a.close();
    b.close();
    await eventually('no subscriber', async () => (await subscribers()) === 0, 5000);
    expect(feed.size).to.equal(0);
  });
});

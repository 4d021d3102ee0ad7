// `npm run bench -- --list`: p95 latency of inbox pages with filters through a real node's local API, with 1 000 and 100 000 messages stored.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import { Redis } from 'ioredis';
import { v7 as uuidv7 } from 'uuid';
import { generateDevPki } from '../certs-dev/index.js';
import { devFederation } from '../node/config/dev-node-config.js';
import { DevFederationRunner } from '../node/dev/dev-federation-runner.js';
import { freePort, startPrivateRedis } from '../node/dev/private-redis.js';
import { mintDevToken } from '../node/http/auth/dev-token.js';
import { MessageStore } from '../node/store/message-store.js';
import { sampleMessage } from './sample-message.js';

/** What one store size measured. */
export interface ListBenchSize {
  stored: number;
  /** Per filter combination: p50 and p95 ms of `GET /v1/inbox?limit=50&…`. */
  combos: Array<{ query: string; p50: number; p95: number; items: number; total: string }>;
  /** p95 over every request of every combination. */
  p95: number;
}

/** Results of the list benchmark. */
export interface ListBenchResult {
  sizes: [ListBenchSize, ListBenchSize];
  requestsPerCombo: number;
  /** p95 at the large size over p95 at the small one (overall). */
  ratio: number;
}

const DAY = 86_400_000;
// The inbox's newest message is an hour old; messages go back about 90 days.
const END = Date.parse('2026-12-01T09:00:00.000Z');
const SPREAD_MS = 90 * DAY;
// Neither of the two measured nodes (AL, RS), so both inboxes have the same senders.
const SENDERS = ['MK', 'MD', 'ME', 'BA', 'XK', 'EU-DE'];
const TYPES = [
  'trace-request',
  'trace-request',
  'trace-response',
  'trace-response',
  'hit-notification',
];

/** The filter combinations measured (the console's: peer, status, type, date range, thread, reference). */
export const LIST_COMBOS: readonly string[] = [
  '',
  'status=received',
  'peer=MK',
  'type=hit-notification&peer=MK',
  'status=received&type=trace-request&peer=MD',
  `type=trace-response&from=${new Date(END - 7 * DAY).toISOString()}&to=${new Date(END).toISOString()}`,
  'correlationId=case-42',
  'ref=REF-123',
  'peer=ME&status=answered&type=trace-request&from=2026-10-01T00:00:00.000Z',
];

/**
 * Starts two real nodes on a private Redis, AL with `sizes[0]` and RS with `sizes[1]` inbound
 * messages (stored through the store's own create path, many at a time, no crypto), and
 * measures each filter combination with `requests` calls to each node in alternation, after a
 * warm-up: the two sizes are measured under the same load of a shared machine. Progress goes to
 * stderr.
 */
export async function runListBench(
  o: { sizes?: [number, number]; requests?: number } = {},
): Promise<ListBenchResult> {
  const [small, large] = o.sizes ?? [1000, 100_000];
  const requests = o.requests ?? 200;
  const dir = await mkdtemp(join(tmpdir(), 'ffx-bench-list-'));
  const redisHandle = await startPrivateRedis();
  const peerPorts: Record<string, number> = {};
  for (const m of devFederation().members) peerPorts[m.id] = await freePort();
  const pkiDir = join(dir, 'pki');
  process.stderr.write('list benchmark: dev PKI and two nodes…\n');
  await generateDevPki({
    out: pkiDir,
    keySize: 2048,
    endpoints: Object.fromEntries(
      Object.entries(peerPorts).map(([id, p]) => [id, `https://localhost:${p}`]),
    ),
  });
  const prefix = 'ffx-bench-list:';
  const fed = new DevFederationRunner({
    pkiDir,
    stateDir: join(dir, 'state'),
    redisUrl: redisHandle.url,
    redisPrefix: prefix,
    mintToken: (sub, roles) => mintDevToken({ pkiDir, sub, roles, ttlSeconds: 7200 }),
    fixedPorts: false,
    peerPorts,
    logLevel: 'warn',
  });
  const redis = new Redis(redisHandle.url, { maxRetriesPerRequest: null });
  try {
    await fed.start('AL');
    await fed.start('RS');
    const clients = [
      await fed.client('AL', 'bench', ['analyst']),
      await fed.client('RS', 'bench', ['analyst']),
    ] as const;
    await fill(new MessageStore(redis, `${prefix}AL:`), 'AL', small);
    await fill(new MessageStore(redis, `${prefix}RS:`), 'RS', large);
    const used = /used_memory_human:(\S+)/.exec(await redis.info('memory'))?.[1] ?? '?';
    process.stderr.write(
      `list benchmark: ${small} and ${large} messages stored (Redis ${used}), measuring…\n`,
    );
    const [a, b] = await measure(clients, [small, large], requests);
    return { sizes: [a, b], requestsPerCombo: requests, ratio: b.p95 / a.p95 };
  } finally {
    await redis.quit().catch(() => redis.disconnect());
    await fed.stopAll();
    await fed.clean().catch(() => undefined);
    await redisHandle.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Stores `to` inbound messages of a fixed pattern: six senders, three types, 30 %
 * answered, threads of about 20, a reference each shared by about five, createdAt spread over 90
 * days (message i at a pseudo-random time, so the inbox is not in creation order).
 */
async function fill(store: MessageStore, node: string, to: number): Promise<void> {
  const from = 0;
  const bar = new cliProgress.SingleBar(
    {
      format: `filling ${node}'s inbox [{bar}] {value}/{total} messages, {rate}/s`,
      stream: process.stderr,
      // Also when stderr is a file or a pipe (CI logs): a line every five seconds.
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(to, from, { rate: '-' });
  const started = performance.now();
  const body = sampleMessage('RS', 'AL');
  const inFlight = 256;
  for (let i = from; i < to;) {
    const batch: Promise<unknown>[] = [];
    for (; i < to && batch.length < inFlight; i++) {
      const n = i;
      const createdAt = new Date(END - ((n * 7919) % SPREAD_MS) - (n % 1000));
      const type = TYPES[n % TYPES.length]!;
      const id = uuidv7({ msecs: createdAt.getTime() });
      const answered = type === 'trace-request' && n % 10 < 3;
      batch.push(
        store
          .storeInbound({
            id,
            type,
            from: SENDERS[n % SENDERS.length]!,
            to: node,
            createdAt: createdAt.toISOString(),
            expiresAt: new Date(createdAt.getTime() + DAY).toISOString(),
            receivedAt: new Date(createdAt.getTime() + 1500).toISOString(),
            correlationId: `case-${n % Math.max(1, Math.floor(to / 20))}`,
            ...(type === 'trace-response' ? { inReplyTo: `req-${n % 5000}` } : {}),
            message: {
              ...body,
              id,
              type,
              body: {
                ...(body.body as Record<string, unknown>),
                requestRef: `REF-${n % Math.max(1, Math.floor(to / 5))}`,
              },
            },
            digest: 'bench-digest',
            receipt: 'bench.receipt.jws',
          })
          .then(() => (answered ? store.markInboundAnswered(id, `reply-${n}`) : undefined)),
      );
    }
    await Promise.all(batch);
    bar.update(i, { rate: Math.round(((i - from) * 1000) / (performance.now() - started)) });
  }
  bar.stop();
}

type Client = Awaited<ReturnType<DevFederationRunner['client']>>;
type Page = { items: unknown[]; total?: { count: number; exact: boolean } };

async function measure(
  clients: readonly [Client, Client],
  stored: [number, number],
  requests: number,
): Promise<[ListBenchSize, ListBenchSize]> {
  const sizes = stored.map((n) => ({ stored: n, combos: [], p95: 0 }) as ListBenchSize);
  const every: [number[], number[]] = [[], []];
  for (const query of LIST_COMBOS) {
    const path = `/v1/inbox?limit=50${query ? `&${query}` : ''}`;
    const last: [Page, Page] = [{ items: [] }, { items: [] }];
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < 20 + requests; i++) {
      // Alternate which node goes first, so neither gets the quieter moment.
      for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
        const t = performance.now();
        last[k] = await clients[k]!.call<Page>('GET', path);
        if (i >= 20) times[k]!.push(performance.now() - t);
      }
    }
    for (const k of [0, 1] as const) {
      every[k].push(...times[k]);
      const total = last[k].total;
      sizes[k]!.combos.push({
        query: query || '(none)',
        p50: quantile(times[k], 0.5),
        p95: quantile(times[k], 0.95),
        items: last[k].items.length,
        total: total ? `${total.exact ? '' : '≥ '}${total.count}` : 'not given',
      });
    }
  }
  sizes[0]!.p95 = quantile(every[0], 0.95);
  sizes[1]!.p95 = quantile(every[1], 0.95);
  return sizes as [ListBenchSize, ListBenchSize];
}

function quantile(values: number[], q: number): number {
  const s = values.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

/** The result as printed by `npm run bench -- --list`. */
export function formatListBench(r: ListBenchResult): string {
  const [a, b] = r.sizes;
  const f = (n: number) => n.toFixed(2);
  const lines = [
    `GET /v1/inbox?limit=50 through the local API of two nodes (AL: ${a.stored} messages, RS: ${b.stored}), ${r.requestsPerCombo} requests per filter combination to each, alternating, after 20 unmeasured`,
    '',
    `| filters | p50 / p95 ms, ${a.stored} stored | p50 / p95 ms, ${b.stored} stored | p95 ratio | items, total (${a.stored} / ${b.stored}) |`,
    '|---|---|---|---|---|',
  ];
  a.combos.forEach((x, i) => {
    const y = b.combos[i]!;
    lines.push(
      `| ${x.query} | ${f(x.p50)} / ${f(x.p95)} | ${f(y.p50)} / ${f(y.p95)} | ${f(y.p95 / x.p95)} | ${x.items}, ${x.total} / ${y.items}, ${y.total} |`,
    );
  });
  lines.push('');
  lines.push(
    `p95 over all combinations: ${f(a.p95)} ms with ${a.stored} messages, ${f(b.p95)} ms with ${b.stored}: ratio ${f(r.ratio)} (target: within 2×)`,
  );
  return lines.join('\n');
}

// `npm run bench:compare`: is B faster than A? Paired, alternating rounds on the same machine.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureRedis } from '../node/dev/private-redis.js';
import type * as EndToEnd from './end-to-end.js';

const { values: args } = parseArgs({
  options: {
    'key-size': { type: 'string', default: '2048' },
    pairs: { type: 'string', default: '8' },
    count: { type: 'string', default: '1000' },
    'args-a': { type: 'string', default: '' },
    'args-b': { type: 'string', default: '' },
    'env-a': { type: 'string', default: '' },
    'env-b': { type: 'string', default: '' },
    'root-b': { type: 'string' },
    'delivery-concurrency-a': { type: 'string' },
    'delivery-concurrency-b': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(`npm run bench:compare -- [--key-size 2048] [--pairs 8] [--count 1000]
    [--args-a "--flag ..."] [--args-b "--flag ..."] [--env-a K=V,...] [--env-b K=V,...] [--root-b <checkout>]
    [--delivery-concurrency-a N] [--delivery-concurrency-b N]
Starts two node pairs (A: this checkout; B: the same or the checkout --root-b, which must have
this benchmark too), each with its own node options, environment and delivery concurrency
(default 64), warms both up (3 000 messages each), then runs
--pairs pairs of full-speed rounds of --count messages, alternating which goes first. On a shared
machine whose speed drifts by tens of per cent between minutes, only such paired rounds tell a
change of a few per cent; one full \`npm run bench\` per variant does not. Prints every pair and
the median and mean of B/A (delivered messages per second) and the node CPU per message.`);
  process.exit(0);
}

const env = (s: string) =>
  Object.fromEntries(
    s
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  ) as Record<string, string>;
const words = (s: string) => s.split(' ').filter(Boolean);
const own = (await import('./end-to-end.js')) as typeof EndToEnd;
const other = args['root-b']
  ? ((await import(
      pathToFileURL(resolve(args['root-b'], 'bench/end-to-end.ts')).href
    )) as typeof EndToEnd)
  : own;

const redis = await ensureRedis();
const keySize = Number(args['key-size']);
const count = Number(args.count);
const start = (tag: 'a' | 'b', bench: typeof EndToEnd) =>
  bench.startBenchPair({
    keySize,
    redisUrl: redis.url,
    tag,
    nodeArgs: words(args[`args-${tag}`]),
    env: env(args[`env-${tag}`]),
    ...(args[`delivery-concurrency-${tag}`]
      ? { deliveryConcurrency: Number(args[`delivery-concurrency-${tag}`]) }
      : {}),
  });
const a = await start('a', own);
const b = await start('b', other).catch(async (err: unknown) => {
  await a.clean();
  await redis.stop();
  throw err;
});
const sides = { A: a, B: b };
/** Delivered messages per second and node CPU ms per message of one round. */
const round = async (pair: EndToEnd.BenchPair) => {
  const cpu = () => own.processCpuMs(pair.al.pid) + own.processCpuMs(pair.rs.pid);
  const c0 = cpu();
  const t0 = performance.now();
  await pair.send(count);
  return { rate: count / ((performance.now() - t0) / 1000), cpu: (cpu() - c0) / count };
};
try {
  await sides.A.send(own.BENCH_WARM_UP);
  await sides.B.send(own.BENCH_WARM_UP);
  const rows: Array<{ a: { rate: number; cpu: number }; b: { rate: number; cpu: number } }> = [];
  for (let i = 0; i < Number(args.pairs); i++) {
    const order = i % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const);
    const got: Record<string, { rate: number; cpu: number }> = {};
    for (const k of order) got[k] = await round(sides[k]);
    const row = { a: got.A!, b: got.B! };
    rows.push(row);
    console.log(
      `pair ${i + 1}: A ${row.a.rate.toFixed(1)} msg/s ${row.a.cpu.toFixed(2)} ms/msg · B ${row.b.rate.toFixed(1)} msg/s ${row.b.cpu.toFixed(2)} ms/msg · B/A ${(row.b.rate / row.a.rate).toFixed(3)}`,
    );
  }
  const ratios = rows.map((r) => r.b.rate / r.a.rate).sort((x, y) => x - y);
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const cpuA = mean(rows.map((r) => r.a.cpu));
  const cpuB = mean(rows.map((r) => r.b.cpu));
  console.log(
    `B/A delivered msg/s: median ${ratios[Math.floor(ratios.length / 2)]!.toFixed(3)}, mean ${mean(ratios).toFixed(3)}, B faster in ${ratios.filter((x) => x > 1).length} of ${ratios.length} pairs; node CPU ms/msg A ${cpuA.toFixed(2)}, B ${cpuB.toFixed(2)} (B/A ${(cpuB / cpuA).toFixed(3)})`,
  );
} finally {
  await sides.A.clean();
  await sides.B.clean();
  await redis.stop();
}
process.exit(0);

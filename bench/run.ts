// `npm run bench`: crypto ceiling, end to end, ratios, policy and schema costs, memory, profile hints.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ensureRedis } from '../node/dev/private-redis.js';
import { measureValidations, prepareCryptoCeiling, type CeilingResult } from './crypto-ceiling.js';
import {
  BENCH_DELIVERY_CONCURRENCY,
  BENCH_WARM_UP,
  measureEndToEnd,
  type EndToEndResult,
} from './end-to-end.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    count: { type: 'string' },
    'key-sizes': { type: 'string', default: '3072,2048' },
    leak: { type: 'string', description: 'small,large message counts of the leak check' },
    'no-profile': { type: 'boolean', default: false },
    policies: { type: 'string' },
    profiles: { type: 'string', default: 'bench/profiles' },
    'node-args': { type: 'string', description: 'extra Node.js options of the node processes' },
    'delivery-concurrency': { type: 'string', description: "the sender's concurrencyPerPeer" },
    'warm-up': { type: 'string', description: 'messages sent before anything is measured' },
    help: { type: 'boolean', short: 'h', default: false },
    list: { type: 'boolean', default: false },
    'list-sizes': { type: 'string', description: 'small,large inbox sizes of --list' },
  },
});
if (args.help) {
  console.log(`npm run bench -- --list [--list-sizes 1000,100000]
Lists the inbox (GET /v1/inbox?limit=50 with filters) through a real node's local API with a
small and a large store and prints p50/p95 of each and their ratio.

npm run bench -- [--quick] [--count N] [--rounds N] [--key-sizes 3072,2048] [--leak 5000,50000] [--no-profile] [--node-args "--flag ..."] [--delivery-concurrency 64] [--warm-up 3000]
Measures, in one run and on this machine: the crypto ceiling (seal+open+sign/verify receipt per
message in one process), end-to-end delivered-and-receipted messages/s between two real nodes,
their ratio, latency at half that rate, policy decisions/s and schema validations/s with their
share of one message's CPU time, peak RSS, an RSS leak check and the top self-time functions.
Prints a table and writes bench/results.json.`);
  process.exit(0);
}
if (args.list) {
  // Only the list benchmark: inbox pages with filters at two store sizes (bench/list-bench.ts).
  const { runListBench, formatListBench } = await import('./list-bench.js');
  const sizes = args['list-sizes']?.split(',').map(Number) as [number, number] | undefined;
  console.log(formatListBench(await runListBench(sizes ? { sizes } : {})));
  process.exit(0);
}

const keySizes = args['key-sizes'].split(',').map(Number);
const count = Number(args.count ?? (args.quick ? 300 : 1500));
const rounds = Number(args.rounds ?? (args.quick ? 1 : 3));
const warmUp = Number(args['warm-up'] ?? (args.quick ? count : BENCH_WARM_UP));
const deliveryConcurrency = Number(args['delivery-concurrency'] ?? BENCH_DELIVERY_CONCURRENCY);
const leak = args.leak
  ? (args.leak.split(',').map(Number) as [number, number])
  : args.quick
    ? undefined
    : ([5000, 50000] as [number, number]);

const redis = await ensureRedis();
const rows: Array<{ keySize: number; ceiling: CeilingResult; e2e: EndToEndResult }> = [];
try {
  for (const keySize of keySizes) {
    process.stderr.write(`RSA ${keySize}: crypto ceiling…\n`);
    const ceilingBench = await prepareCryptoCeiling(keySize);
    const ceiling = await ceilingBench.measure(args.quick ? 2 : 5);
    process.stderr.write(
      `RSA ${keySize}: end to end, ${rounds} round(s) of ${count} messages, each between two ceiling measurements…\n`,
    );
    let e2e: EndToEndResult;
    try {
      e2e = await measureEndToEnd({
        keySize,
        redis,
        count,
        rounds,
        warmUp,
        ceiling: async () => (await ceilingBench.measure(2)).perSecond,
        ...(leak && keySize === keySizes[0] ? { leak: { small: leak[0], large: leak[1] } } : {}),
        profile: !args['no-profile'] && keySize === keySizes[0],
        ...(args.policies ? { policiesDir: args.policies } : {}),
        keepProfilesIn: args.profiles,
        ...(args['node-args'] ? { nodeArgs: args['node-args'].split(' ').filter(Boolean) } : {}),
        deliveryConcurrency,
      });
    } finally {
      await ceilingBench.dispose();
    }
    rows.push({ keySize, ceiling, e2e });
  }
} finally {
  await redis.stop();
}

const validationsPerSecond = measureValidations(args.quick ? 1 : 3);
let policy: { decisionsPerSecond: number; validationsPerSecond: number; ratio: number } | undefined;
try {
  const mod = (await import('./policy-bench.js')) as {
    runPolicyBench?: () => Promise<typeof policy>;
  };
  policy = await mod.runPolicyBench?.();
} catch (err) {
  process.stderr.write(`policy benchmark not run: ${(err as Error).message}\n`);
}

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-');
const lines: string[] = [];
lines.push(
  `${rounds} round(s) of ${count} messages after a warm-up of ${warmUp} messages; the sender delivers ${deliveryConcurrency} at a time (delivery.concurrencyPerPeer)`,
);
lines.push('');
lines.push(
  '| RSA | crypto ceiling msg/s | end-to-end msg/s | ratio e2e/ceiling (median round; every round) | p50 ms | p95 ms | p99 ms (at msg/s) | peak RSS sender/receiver MiB |',
);
lines.push('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  // The median round, against the mean of the ceilings measured just before and after it.
  const median = r.e2e.rounds.find((x) => x.perSecond === r.e2e.perSecond) ?? {
    ceiling: r.ceiling.perSecond,
    ratio: r.e2e.perSecond / r.ceiling.perSecond,
  };
  const every = r.e2e.rounds.map((x) => f(x.ratio, 2)).join(', ');
  lines.push(
    `| ${r.keySize} | ${f(median.ceiling)} | ${f(r.e2e.perSecond)} | ${f(median.ratio, 2)} (${every}) | ${f(r.e2e.latency.p50, 0)} | ${f(r.e2e.latency.p95, 0)} | ${f(r.e2e.latency.p99, 0)} (${f(r.e2e.latency.offeredPerSecond)}) | ${f(r.e2e.peakRssMiB.sender, 0)}/${f(r.e2e.peakRssMiB.receiver, 0)} |`,
  );
}
lines.push('');
lines.push(
  'CPU ms per delivered message in the median round — sender node (main thread) / receiver node (main thread) / Redis / benchmark client; two cores give 2000 ms per second:',
);
for (const r of rows) {
  const median = r.e2e.rounds.find((x) => x.perSecond === r.e2e.perSecond);
  if (!median) continue;
  const c = median.cpuMsPerMessage;
  lines.push(
    `  RSA ${r.keySize}: ${f(c.sender, 2)} (${f(c.senderMain, 2)}) / ${f(c.receiver, 2)} (${f(c.receiverMain, 2)}) / ${f(c.redis, 2)} / ${f(c.client, 2)}; cores busy ${f(((c.sender + c.receiver + c.redis + c.client) * median.perSecond) / 1000, 2)} of 2 (the whole machine ${f((c.machine * median.perSecond) / 1000, 2)}); the crypto ceiling's one message ${f(1000 / median.ceiling, 2)}`,
  );
}
const base = rows[0];
if (base) {
  const msgMs = 1000 / base.ceiling.perSecond;
  lines.push('');
  lines.push(
    `crypto steps (RSA ${base.keySize}, ms/message): seal ${f(base.ceiling.stepsMs.seal, 2)}, open ${f(base.ceiling.stepsMs.open, 2)}, sign receipt ${f(base.ceiling.stepsMs.signReceipt, 2)}, verify receipt ${f(base.ceiling.stepsMs.verifyReceipt, 2)}`,
  );
  lines.push(
    `schema validations/s: ${f(validationsPerSecond, 0)} — share of one message's crypto time: ${f((100 * 2 * (1000 / validationsPerSecond)) / msgMs, 2)} % (validated twice: seal and open)`,
  );
  if (policy) {
    lines.push(
      `policy decisions/s (100-rule policy): ${f(policy.decisionsPerSecond, 0)} — share of one message's crypto time: ${f((100 * (1000 / policy.decisionsPerSecond)) / msgMs, 2)} %; decision/validation cost ratio ${f(policy.ratio, 2)}`,
    );
  }
  if (base.e2e.leak) {
    const l = base.e2e.leak;
    lines.push(
      `RSS after ${l.small} / ${l.large} messages: sender ${f(l.after.small[0], 0)} → ${f(l.after.large[0], 0)} MiB (×${f(l.after.large[0] / l.after.small[0], 2)}), receiver ${f(l.after.small[1], 0)} → ${f(l.after.large[1], 0)} MiB (×${f(l.after.large[1] / l.after.small[1], 2)})`,
    );
  }
  if (base.e2e.profile) {
    for (const who of ['sender', 'receiver'] as const) {
      lines.push(
        `top self time, ${who}: ${base.e2e.profile[who].map((p) => `${p.fn} (${p.at}) ${f(p.selfPercent)} %`).join('; ')}`,
      );
    }
  }
}
console.log(lines.join('\n'));
await writeFile(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ at: new Date().toISOString(), settings: { count, rounds, warmUp, deliveryConcurrency }, rows, validationsPerSecond, policy }, null, 2)}\n`,
);
process.exit(0);

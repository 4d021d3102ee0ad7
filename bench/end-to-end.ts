// End to end: two real nodes (processes, mTLS, Redis), submissions through the local API, receipts back.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Redis } from 'ioredis';
import { generateDevPki } from '../certs-dev/index.js';
import { DevFederationRunner } from '../node/dev/dev-federation-runner.js';
import { freePort, type RedisHandle } from '../node/dev/private-redis.js';
import { mintDevToken } from '../node/http/auth/dev-token.js';
import { devFederation } from '../node/config/dev-node-config.js';
import { storyTraceRequest } from '../node/dev/demo-story.js';
import type { LocalApiClient } from '../node/dev/local-api-client.js';

/** Results of one end-to-end run. */
export interface EndToEndResult {
  keySize: number;
  messages: number;
  /** Delivered-and-receipted messages per second at full speed. */
  perSecond: number;
  /** Latency submit → delivered at the offered load, milliseconds. */
  latency: { offeredPerSecond: number; messages: number; p50: number; p95: number; p99: number };
  /**
   * Every full-speed round with the ceiling measured just before and just after it (`ceiling` is
   * their mean); `perSecond` is the median round's.
   */
  rounds: Array<{
    perSecond: number;
    ceiling: number;
    ceilingBeforeAfter: [number, number];
    ratio: number;
    cpuMsPerMessage: CpuShare;
  }>;
  /** Peak RSS of each node process, MiB. */
  peakRssMiB: { sender: number; receiver: number };
  /** RSS after `leak.small` and after `leak.large` messages (sender, receiver), MiB. */
  leak?: {
    small: number;
    large: number;
    after: { small: [number, number]; large: [number, number] };
  };
  /** Top self-time functions of each node under load (when profiled). */
  profile?: { sender: ProfileLine[]; receiver: ProfileLine[] };
}

/** CPU milliseconds (user + system) spent per delivered message by each process of a round. */
export interface CpuShare {
  sender: number;
  /** Of which the sender's main (JavaScript) thread; the rest is crypto, GC and file work. */
  senderMain: number;
  receiver: number;
  receiverMain: number;
  /** The Redis server (when its process can be read on this machine). */
  redis: number;
  /** The benchmark's own submitting client. */
  client: number;
  /** Everything that ran on the machine (all processes and the kernel), from /proc/stat. */
  machine: number;
}

/** One function of a CPU profile: name, place and share of samples. */
export interface ProfileLine {
  fn: string;
  at: string;
  selfPercent: number;
}

/** Options of an end-to-end run. */
export interface EndToEndOptions {
  keySize: number;
  redis: RedisHandle;
  /** Messages of the full-speed phase. */
  count: number;
  /** Parallel submissions in flight. */
  concurrency?: number;
  /** Leak check sizes (messages); skipped when absent. */
  leak?: { small: number; large: number };
  /** Run the nodes under --cpu-prof and report the top 5 self-time functions. */
  profile?: boolean;
  /** Full-speed rounds (default 1). */
  rounds?: number;
  /** Measures the crypto ceiling (msg/s) right before and right after each round. */
  ceiling?: () => Promise<number>;
  /** Copy the nodes' .cpuprofile files here (open them in Chrome DevTools or speedscope). */
  keepProfilesIn?: string;
  /** Extra Node.js options of both node processes (e.g. `--single-threaded`). */
  nodeArgs?: string[];
  /** Messages sent before anything is measured (default `BENCH_WARM_UP`). */
  warmUp?: number;
  /** The sender's `delivery.concurrencyPerPeer` (default 64, the configuration's maximum). */
  deliveryConcurrency?: number;
  /** Policy folder of the nodes (default: the repository's policies/). */
  policiesDir?: string;
}

/** Two benchmark nodes, AL sending to RS, with AL's local API client. */
export interface BenchPair {
  al: { pid: number; localApi: string };
  rs: { pid: number };
  client: LocalApiClient;
  /** Submits `count` messages, `concurrency` at a time, and waits until all are delivered. */
  send(count: number, concurrency?: number): Promise<void>;
  /** Counts `count` messages the caller submitted itself and waits until all are delivered. */
  settle(count: number): Promise<void>;
  /** Stops the nodes (their profiles are written then); `clean` removes keys, files and state. */
  stop(): Promise<void>;
  clean(): Promise<void>;
  /** Where the nodes' --cpu-prof files go. */
  profileDir: string;
}

/** How a benchmark pair is started. */
export interface BenchPairOptions {
  keySize: number;
  redisUrl: string;
  /** Distinguishes the Redis keys of pairs running at the same time. */
  tag: string;
  profile?: boolean;
  nodeArgs?: string[];
  /** Extra environment of both node processes (e.g. UV_THREADPOOL_SIZE). */
  env?: Record<string, string>;
  policiesDir?: string;
  /** Deliveries at a time towards the peer (default 64). */
  deliveryConcurrency?: number;
}

/**
 * Messages sent before anything is measured. Measured on this machine (RSA 2048, rounds of 1 000
 * after start): node CPU per message 4.65, 3.53, then 2.5 to 3.0 ms from the third round on —
 * the JIT and V8's heap grow into their steady state over the first 2 000 to 3 000 messages.
 */
export const BENCH_WARM_UP = 3000;

/** Deliveries at a time per peer in the benchmark: the configuration's maximum. */
export const BENCH_DELIVERY_CONCURRENCY = 64;

/** Submissions the benchmark client keeps in flight (128 made no difference in paired rounds). */
const CLIENT_CONCURRENCY = 64;

/**
 * Starts AL and RS on fresh keys (peer ports of their own, a Redis prefix of their own) with
 * the benchmark's delivery settings: 64 deliveries at a time per peer, no practical rate limit.
 */
export async function startBenchPair(o: BenchPairOptions): Promise<BenchPair> {
  const dir = await mkdtemp(join(tmpdir(), 'ffx-bench-e2e-'));
  const peerPorts: Record<string, number> = {};
  for (const m of devFederation().members) peerPorts[m.id] = await freePort();
  const pkiDir = join(dir, 'pki');
  await generateDevPki({
    out: pkiDir,
    keySize: o.keySize,
    endpoints: Object.fromEntries(
      Object.entries(peerPorts).map(([id, p]) => [id, `https://localhost:${p}`]),
    ),
  });
  const profileDir = join(dir, 'profiles');
  const fed = new DevFederationRunner({
    pkiDir,
    stateDir: join(dir, 'state'),
    redisUrl: o.redisUrl,
    redisPrefix: `ffx-bench-${process.pid}-${o.tag}:`,
    mintToken: (sub, roles) => mintDevToken({ pkiDir, sub, roles, ttlSeconds: 7200 }),
    fixedPorts: false,
    peerPorts,
    logLevel: 'warn',
    ...(o.policiesDir ? { policiesDir: o.policiesDir } : {}),
    delivery: {
      concurrencyPerPeer: o.deliveryConcurrency ?? BENCH_DELIVERY_CONCURRENCY,
      backoffBaseMs: 200,
      backoffMaxMs: 2000,
    },
    peerApi: { rateLimit: { max: 1_000_000, windowSeconds: 1 } },
    ...(o.env ? { env: o.env } : {}),
    nodeArgs: [
      ...(o.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      ...(o.nodeArgs ?? []),
    ],
  });
  const clean = async () => {
    await fed.stopAll();
    await fed.clean();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const al = await fed.start('AL');
    const rs = await fed.start('RS');
    const client = await fed.client('AL', 'bench', ['analyst']);
    let sent = 0;
    return {
      al: { pid: al.pid!, localApi: al.ready.localApi },
      rs: { pid: rs.pid! },
      client,
      async send(count, concurrency = CLIENT_CONCURRENCY) {
        await submitMany(client, count, concurrency);
        sent += count;
        await waitDelivered(al.ready.localApi, sent);
      },
      async settle(count) {
        sent += count;
        await waitDelivered(al.ready.localApi, sent);
      },
      stop: () => fed.stopAll(),
      clean,
      profileDir,
    };
  } catch (err) {
    await clean();
    throw err;
  }
}

/** Runs AL → RS at full speed, then at half that rate for latency, on fresh nodes and keys. */
export async function measureEndToEnd(o: EndToEndOptions): Promise<EndToEndResult> {
  const pair = await startBenchPair({
    keySize: o.keySize,
    redisUrl: o.redis.url,
    tag: String(o.keySize),
    ...(o.profile ? { profile: true } : {}),
    ...(o.nodeArgs ? { nodeArgs: o.nodeArgs } : {}),
    ...(o.policiesDir ? { policiesDir: o.policiesDir } : {}),
    ...(o.deliveryConcurrency ? { deliveryConcurrency: o.deliveryConcurrency } : {}),
  });
  const { al, rs, client, profileDir } = pair;
  try {
    const concurrency = o.concurrency ?? CLIENT_CONCURRENCY;

    // Warm-up, not measured: connections, key caches, the JIT and V8's heap, which grow into
    // their steady state over the first few thousand messages (see BENCH_WARM_UP). With a
    // 500-message warm-up the first round was the slowest in every run (ratio 0.60 against 0.87
    // and 0.87 of the next two at RSA 2048); that is start-up, not the node's steady cost.
    await pair.send(o.warmUp ?? BENCH_WARM_UP, concurrency);

    // Full-speed rounds, each between two crypto-ceiling measurements in this process while the
    // nodes idle: on a shared machine the speed changes minute by minute, so each ratio compares
    // the round with the mean of the ceilings around it, and the median round is reported.
    const rounds: EndToEndResult['rounds'] = [];
    const redisPid = o.redis.process?.pid ?? (await redisProcessId(o.redis.url));
    for (let round = 0; round < (o.rounds ?? 1); round++) {
      const before = o.ceiling ? await o.ceiling() : NaN;
      const cpu0 = cpuSnapshot(al.pid, rs.pid, redisPid);
      const t0 = performance.now();
      await pair.send(o.count, concurrency);
      const rate = o.count / ((performance.now() - t0) / 1000);
      const cpu1 = cpuSnapshot(al.pid, rs.pid, redisPid);
      const after = o.ceiling ? await o.ceiling() : NaN;
      const ceiling = (before + after) / 2;
      const per = (k: keyof CpuShare) => (cpu1[k] - cpu0[k]) / o.count;
      rounds.push({
        perSecond: rate,
        ceiling,
        ceilingBeforeAfter: [before, after],
        ratio: rate / ceiling,
        cpuMsPerMessage: {
          sender: per('sender'),
          senderMain: per('senderMain'),
          receiver: per('receiver'),
          receiverMain: per('receiverMain'),
          redis: per('redis'),
          client: per('client'),
          machine: per('machine'),
        },
      });
    }
    const median = [...rounds].sort((a, b) => a.ratio - b.ratio || a.perSecond - b.perSecond)[
      Math.floor(rounds.length / 2)
    ]!;
    const perSecond = median.perSecond;

    const offered = Math.max(1, perSecond / 2);
    const n = Math.max(50, Math.min(o.count, Math.round(offered * 10)));
    const ids: string[] = [];
    const start = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      const due = start + (i * 1000) / offered;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(
        client.submit(storyTraceRequest()).then((r) => void ids.push(r.results[0]!.messageId)),
      );
    }
    await Promise.all(pending);
    await pair.settle(n);
    const latencies: number[] = [];
    for (const id of ids) {
      const d = await client.outboxMessage(id);
      const acceptedAt = d.history.find((h) => h.status === 'accepted')?.at;
      const deliveredAt = d.history.find((h) => h.status === 'delivered')?.at;
      if (acceptedAt && deliveredAt)
        latencies.push(Date.parse(deliveredAt) - Date.parse(acceptedAt));
    }
    latencies.sort((a, b) => a - b);
    const q = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;

    let leak: EndToEndResult['leak'];
    if (o.leak) {
      await pair.send(o.leak.small, concurrency);
      const small: [number, number] = [rssMiB(al.pid), rssMiB(rs.pid)];
      await pair.send(o.leak.large - o.leak.small, concurrency);
      const large: [number, number] = [rssMiB(al.pid), rssMiB(rs.pid)];
      leak = { small: o.leak.small, large: o.leak.large, after: { small, large } };
    }
    const peakRssMiB = { sender: peakRss(al.pid), receiver: peakRss(rs.pid) };
    await pair.stop();
    let profile: EndToEndResult['profile'];
    if (o.profile) {
      profile = {
        sender: await topFunctions(
          profileDir,
          al.pid,
          o.keepProfilesIn && join(o.keepProfilesIn, `sender-${o.keySize}.cpuprofile`),
        ),
        receiver: await topFunctions(
          profileDir,
          rs.pid,
          o.keepProfilesIn && join(o.keepProfilesIn, `receiver-${o.keySize}.cpuprofile`),
        ),
      };
    }
    return {
      keySize: o.keySize,
      messages: o.count,
      perSecond,
      rounds,
      latency: {
        offeredPerSecond: offered,
        messages: latencies.length,
        p50: q(0.5),
        p95: q(0.95),
        p99: q(0.99),
      },
      peakRssMiB,
      ...(leak ? { leak } : {}),
      ...(profile ? { profile } : {}),
    };
  } finally {
    await pair.clean();
  }
}

async function submitMany(
  client: LocalApiClient,
  count: number,
  concurrency: number,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const r = await client.submit(storyTraceRequest());
      if (r.results[0]?.status !== 'queued')
        throw new Error(`submission not queued: ${JSON.stringify(r.results[0])}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Waits until the sender's delivered counter reaches `total`. Polls less often while much is
 * left (each poll costs the sender a metrics page) and every 10 ms near the end, so a round
 * ends within about 10 ms of its last delivery.
 */
async function waitDelivered(
  localApi: string,
  total: number,
  timeoutMs = 30 * 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: { at: number; delivered: number } | undefined;
  for (;;) {
    const text = await (await fetch(new URL('/v1/metrics', localApi))).text();
    const delivered = text
      .split('\n')
      .filter((l) => l.startsWith('ffx_messages_delivered_total'))
      .reduce((s, l) => s + Number(l.split(' ').pop()), 0);
    if (delivered >= total) return;
    if (Date.now() > deadline) throw new Error(`only ${delivered} of ${total} delivered in time`);
    const at = performance.now();
    // Half the time the rest should take at the rate since the last poll, 10 to 200 ms.
    const rate =
      last && delivered > last.delivered ? (delivered - last.delivered) / (at - last.at) : 0;
    const wait = rate > 0 ? Math.min(200, Math.max(10, (total - delivered) / rate / 2)) : 200;
    last = { at, delivered };
    await new Promise((r) => setTimeout(r, wait));
  }
}

/** CPU milliseconds used so far by the sender, receiver, Redis and this process. */
function cpuSnapshot(sender: number, receiver: number, redis: number | undefined): CpuShare {
  const own = process.cpuUsage();
  return {
    sender: processCpuMs(sender),
    senderMain: processCpuMs(sender, sender),
    receiver: processCpuMs(receiver),
    receiverMain: processCpuMs(receiver, receiver),
    redis: redis === undefined ? NaN : processCpuMs(redis),
    client: (own.user + own.system) / 1000,
    machine: machineBusyMs(),
  };
}

/**
 * utime + stime in milliseconds of a process, or of one of its threads (Linux /proc), NaN when
 * it cannot be read.
 */
export function processCpuMs(pid: number, thread?: number): number {
  try {
    // Fields after the command name (which may hold spaces) start at the state, field 3.
    const stat = readFileSync(
      thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`,
      'utf8',
    );
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(rest[11]) + Number(rest[12]);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
/** USER_HZ: 100 on every Linux that Node supports. */
const CLOCK_TICKS = 100;

/** Milliseconds all CPUs of the machine were not idle (Linux /proc/stat), NaN elsewhere. */
function machineBusyMs(): number {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1);
    // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
    const [user, nice, system, , , irq, softirq, steal] = cpu.map(Number);
    const busy = user! + nice! + system! + irq! + softirq! + steal!;
    return (busy * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** The Redis server's process id from INFO, when it runs on this machine. */
async function redisProcessId(url: string): Promise<number | undefined> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await r.connect();
    const m = /^process_id:(\d+)/m.exec(await r.info('server'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  } finally {
    r.disconnect();
  }
}

function statusKiB(pid: number, field: string): number {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(s);
  return m ? Number(m[1]) : NaN;
}
const rssMiB = (pid: number) => statusKiB(pid, 'VmRSS') / 1024;
const peakRss = (pid: number) => statusKiB(pid, 'VmHWM') / 1024;

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }>;
}

/** Top 5 self-time functions of the CPU profile written by process `pid`. */
async function topFunctions(
  dir: string,
  pid: number,
  keepAs?: string | false,
): Promise<ProfileLine[]> {
  const file = (await readdir(dir).catch(() => [] as string[])).find((f) => f.includes(`.${pid}.`));
  if (!file) return [];
  if (keepAs) {
    await mkdir(dirname(keepAs), { recursive: true });
    await copyFile(join(dir, file), keepAs);
  }
  const p = JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
  const byFn = new Map<string, { fn: string; at: string; hits: number }>();
  let total = 0;
  for (const n of p.nodes) {
    const hits = n.hitCount ?? 0;
    if (n.callFrame.functionName === '(idle)') continue;
    total += hits;
    const at = n.callFrame.url
      ? `${n.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|node|protocol)\//, '$1/')}:${n.callFrame.lineNumber + 1}`
      : '';
    const key = `${n.callFrame.functionName}@${at}`;
    const e = byFn.get(key) ?? { fn: n.callFrame.functionName || '(anonymous)', at, hits: 0 };
    e.hits += hits;
    byFn.set(key, e);
  }
  return [...byFn.values()]
    .sort((a, b) => b.hits - a.hits)
    .slice(0, 5)
    .map((e) => ({ fn: e.fn, at: e.at, selfPercent: (100 * e.hits) / Math.max(1, total) }));
}

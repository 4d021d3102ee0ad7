// Finds a Redis to use, or starts a private redis-server on a free loopback port (dev, demo, tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Redis the caller may use; `stop` ends it if it was started here. */
export interface RedisHandle {
  url: string;
  /** Whether a private server was started (and is stopped by `stop`). */
  private: boolean;
  /** The server process, when private (fault tests kill and restart it). */
  process?: ChildProcess;
  /** Its data folder, when private. */
  dir?: string;
  port?: number;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Whether a Redis answers PING at `url` within `timeoutMs`. */
export function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const sock = connect(Number(u.port || 6379), u.hostname);
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.on('error', () => done(false));
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => done(String(d).startsWith('+PONG')));
  });
}

/** Options of a private redis-server. */
export interface PrivateRedisOptions {
  /** Append-only file with `appendfsync always` (the fault suite's durability setting). */
  aof?: boolean;
  /** Reuse this data folder and port (to restart a killed server on its data). */
  dir?: string;
  port?: number;
}

/**
 * Starts `redis-server` on a free port with a temporary data folder. Throws with a one-line
 * instruction when the binary is missing.
 */
export async function startPrivateRedis(options: PrivateRedisOptions = {}): Promise<RedisHandle> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'ffx-redis-')));
  const port = options.port ?? (await freePort());
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--daemonize',
    'no',
  ];
  args.push(
    ...(options.aof ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
  );
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const failed = await Promise.race([
      spawnError,
      new Promise<null>((r) => setTimeout(() => r(null), 50)),
    ]);
    if (failed) {
      throw new Error(
        (failed as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'redis-server is not installed: install it (apt-get install redis-server) or set REDIS_URL to a running Redis'
          : `redis-server failed to start: ${failed.message}`,
      );
    }
    if (await redisAnswers(url, 200)) break;
  }
  if (!(await redisAnswers(url))) {
    child.kill('SIGKILL');
    throw new Error(`redis-server did not answer on ${url}`);
  }
  const ownsDir = options.dir === undefined;
  return {
    url,
    private: true,
    process: child,
    dir,
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      if (ownsDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** REDIS_URL when set (it must answer), else a private redis-server. */
export async function ensureRedis(env: NodeJS.ProcessEnv = process.env): Promise<RedisHandle> {
  if (env.REDIS_URL) {
    if (!(await redisAnswers(env.REDIS_URL, 2000)))
      throw new Error(`REDIS_URL=${env.REDIS_URL} does not answer PING`);
    return { url: env.REDIS_URL, private: false, stop: async () => undefined };
  }
  return startPrivateRedis();
}

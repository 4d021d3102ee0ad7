// The Redis section of the node configuration: one URL or a Sentinel set, the replica check, secrets.
import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../node/config/load-config.js';
import { devNodeConfig } from '../../node/config/dev-node-config.js';
import { readSecret } from '../../node/lib/redis.js';
import { NodeError } from '../../node/errors.js';
import { onRunEnd } from '../fixtures/cleanup.js';

describe('node configuration: redis.sentinel and redis.minReplicas', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ffx-sentinel-config-'));
    onRunEnd(() => rm(dir, { recursive: true, force: true }));
  });

  async function write(name: string, redis: Record<string, unknown>): Promise<string> {
    const cfg = devNodeConfig('AL', {
      configDir: dir,
      pkiDir: join(dir, 'pki'),
      policiesDir: join(dir, 'policies'),
      stateDir: join(dir, 'state'),
      redisUrl: 'redis://127.0.0.1:6379',
    });
    const file = join(dir, name);
    await writeFile(file, stringify({ ...cfg, redis }));
    return file;
  }

  async function refused(file: string, pointer: string): Promise<void> {
    const err = await loadConfig(file, {}).then(
      () => expect.fail('should have been refused'),
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(NodeError);
    expect((err as NodeError).code).to.equal('NODE-CONFIG-INVALID');
    expect((err as NodeError).problems.map((p) => p.pointer)).to.include(pointer);
  }

  const sentinel = {
    sentinels: [
      { host: '127.0.0.1', port: 26379 },
      { host: '127.0.0.1', port: 26380 },
    ],
    name: 'ffx',
  };

  it('a single Redis: minReplicas 0 (no WAIT) and a 1000 ms wait by default', async () => {
    const c = await loadConfig(await write('url.yaml', { url: 'redis://127.0.0.1:6379' }), {});
    expect(c.redis).to.deep.equal({
      url: 'redis://127.0.0.1:6379',
      prefix: 'ffx:AL:',
      minReplicas: 0,
      waitTimeoutMs: 1000,
    });
  });

  it('a Sentinel set: minReplicas 1 by default, secrets by file (absolute) or env, TLS CA path', async () => {
    const file = await write('sentinel.yaml', {
      sentinel: {
        ...sentinel,
        password: { file: 'secrets/redis-password' },
        sentinelPassword: { env: 'FFX_SENTINEL_PASSWORD' },
        tls: { ca: 'certs/redis-ca.pem' },
      },
      waitTimeoutMs: 250,
    });
    const c = await loadConfig(file, { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(c.redis.url, 'REDIS_URL does not replace a Sentinel set').to.equal(undefined);
    expect(c.redis.minReplicas).to.equal(1);
    expect(c.redis.waitTimeoutMs).to.equal(250);
    expect(c.redis.sentinel).to.deep.equal({
      ...sentinel,
      password: { file: join(dir, 'secrets', 'redis-password') },
      sentinelPassword: { env: 'FFX_SENTINEL_PASSWORD' },
      tls: { ca: join(dir, 'certs', 'redis-ca.pem') },
    });
  });

  it('keeps an explicit minReplicas, 0 included', async () => {
    const c = await loadConfig(await write('zero.yaml', { sentinel, minReplicas: 0 }), {});
    expect(c.redis.minReplicas).to.equal(0);
    const two = await loadConfig(await write('two.yaml', { sentinel, minReplicas: 2 }), {});
    expect(two.redis.minReplicas).to.equal(2);
  });

  it('refuses url and sentinel together, and neither', async () => {
    await refused(await write('both.yaml', { url: 'redis://127.0.0.1:6379', sentinel }), '/redis');
    await refused(await write('none.yaml', { prefix: 'x:' }), '/redis/url');
  });

  it('refuses a Sentinel set without addresses or master name, a bad port, a secret with both sources', async () => {
    await refused(
      await write('s1.yaml', { sentinel: { name: 'ffx', sentinels: [] } }),
      '/redis/sentinel/sentinels',
    );
    await refused(
      await write('s2.yaml', { sentinel: { sentinels: sentinel.sentinels } }),
      '/redis/sentinel/name',
    );
    await refused(
      await write('s3.yaml', {
        sentinel: { name: 'ffx', sentinels: [{ host: 'h', port: 70000 }] },
      }),
      '/redis/sentinel/sentinels/0/port',
    );
    await refused(
      await write('s4.yaml', {
        sentinel: { ...sentinel, password: { file: 'a', env: 'B' } },
      }),
      '/redis/sentinel/password',
    );
    await refused(await write('s5.yaml', { sentinel, minReplicas: -1 }), '/redis/minReplicas');
    await refused(await write('s6.yaml', { sentinel, waitTimeoutMs: 0 }), '/redis/waitTimeoutMs');
  });

  it('reads a secret from a file or the environment; an error names the setting, not a value', async () => {
    const file = join(dir, 'pw');
    await writeFile(file, 's3cret-value\n');
    expect(readSecret({ file }, 'redis.sentinel.password')).to.equal('s3cret-value');
    expect(readSecret({ env: 'PW' }, 'x', { PW: 'from-env' })).to.equal('from-env');
    expect(() => readSecret({ env: 'PW' }, 'redis.sentinel.password', {})).to.throw(
      /redis\.sentinel\.password: the environment variable PW is not set/,
    );
    expect(() => readSecret({ file: join(dir, 'absent') }, 'redis.sentinel.password')).to.throw(
      /redis\.sentinel\.password: cannot read/,
    );
  });
});

// Node configuration: schema errors with pointers, defaults from the schema, paths, REDIS_URL.
import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../node/config/load-config.js';
import { applyDefaults } from '../../node/config/apply-defaults.js';
import { devNodeConfig } from '../../node/config/dev-node-config.js';
import { NodeError } from '../../node/errors.js';
import { onRunEnd } from '../fixtures/cleanup.js';

describe('loadConfig', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ffx-config-'));
    onRunEnd(() => rm(dir, { recursive: true, force: true }));
  });

  function devConfig(): Record<string, unknown> {
    return devNodeConfig('AL', {
      configDir: dir,
      pkiDir: join(dir, 'pki'),
      policiesDir: join(dir, 'policies'),
      stateDir: join(dir, 'state'),
      redisUrl: 'redis://127.0.0.1:6379',
    });
  }

  async function write(name: string, content: unknown): Promise<string> {
    const file = join(dir, name);
    await writeFile(file, typeof content === 'string' ? content : stringify(content));
    return file;
  }

  async function expectInvalid(file: string, pointer: string): Promise<NodeError> {
    try {
      await loadConfig(file, {});
      expect.fail('should have been refused');
    } catch (err) {
      expect(err).to.be.instanceOf(NodeError);
      const e = err as NodeError;
      expect(e.code).to.equal('NODE-CONFIG-INVALID');
      expect(e.problems.map((p) => p.pointer)).to.include(pointer);
      expect(e.message).to.contain(pointer);
      return e;
    }
  }

  it('applies the schema defaults and resolves paths against the file', async () => {
    const c = await loadConfig(await write('ok.yaml', devConfig()), {});
    expect(c.nodeId).to.equal('AL');
    expect(c.redis.prefix).to.equal('ffx:AL:');
    expect(c.delivery.concurrencyPerPeer).to.equal(4);
    expect(c.peerApi.maxEnvelopeBytes).to.equal(1048576);
    expect(c.peerApi.rateLimit.max).to.equal(600);
    expect(c.protocol.clockSkewSeconds).to.equal(300);
    expect(c.pki.directory.graceSeconds).to.equal(86400);
    expect(c.pki.sig.key).to.equal(join(dir, 'pki', 'members', 'AL', 'sig.key.pem'));
    expect(c.audit.file).to.equal(join(dir, 'state', 'AL', 'audit-main.jsonl'));
  });

  it('lets REDIS_URL override the configured Redis', async () => {
    const c = await loadConfig(await write('env.yaml', devConfig()), {
      REDIS_URL: 'redis://10.0.0.9:6380',
    });
    expect(c.redis.url).to.equal('redis://10.0.0.9:6380');
  });

  it('names the pointer of a missing section', async () => {
    const cfg = devConfig();
    delete cfg.pki;
    await expectInvalid(await write('nopki.yaml', cfg), '/pki');
  });

  it('names the pointer of a wrong value', async () => {
    const cfg = devConfig() as { peerApi: Record<string, unknown> };
    cfg.peerApi.port = 70000;
    await expectInvalid(await write('port.yaml', cfg), '/peerApi/port');
  });

  it('refuses an unknown setting (a typo is not silently ignored)', async () => {
    const cfg = devConfig() as { delivery?: Record<string, unknown> };
    cfg.delivery = { concurencyPerPeer: 3 };
    await expectInvalid(await write('typo.yaml', cfg), '/delivery/concurencyPerPeer');
  });

  it('refuses a node id that is not a member id', async () => {
    const cfg = devConfig();
    cfg.nodeId = 'albania';
    await expectInvalid(await write('id.yaml', cfg), '/nodeId');
  });

  it('says so when the file is missing or not YAML', async () => {
    for (const [file, text] of [
      [join(dir, 'absent.yaml'), /cannot read/],
      [await write('bad.yaml', 'nodeId: [unclosed'), /not valid YAML/],
    ] as const) {
      try {
        await loadConfig(file, {});
        expect.fail('should have been refused');
      } catch (err) {
        expect((err as NodeError).code).to.equal('NODE-CONFIG-INVALID');
        expect((err as Error).message).to.match(text);
      }
    }
  });
});

describe('applyDefaults', () => {
  const schema = {
    type: 'object',
    properties: {
      a: { type: 'integer', default: 1 },
      nested: { $ref: '#/$defs/n' },
      list: { type: 'array', items: { type: 'object', properties: { x: { default: 'y' } } } },
    },
    $defs: { n: { type: 'object', properties: { b: { default: true } } } },
  };

  it('fills absent values, follows local refs and array items, keeps given values', () => {
    expect(applyDefaults(schema, { nested: {}, list: [{}, { x: 'z' }] })).to.deep.equal({
      a: 1,
      nested: { b: true },
      list: [{ x: 'y' }, { x: 'z' }],
    });
    expect(applyDefaults(schema, { a: 5 })).to.deep.equal({ a: 5, nested: { b: true } });
  });

  it('leaves out an absent optional section that requires settings of its own', () => {
    const withOptional = {
      type: 'object',
      properties: {
        tuning: { type: 'object', properties: { level: { default: 3 } } },
        signIn: {
          type: 'object',
          required: ['url'],
          properties: { url: { type: 'string' }, seconds: { default: 60 } },
        },
      },
    };
    expect(applyDefaults(withOptional, {})).to.deep.equal({ tuning: { level: 3 } });
    expect(applyDefaults(withOptional, { signIn: { url: 'u' } })).to.deep.equal({
      tuning: { level: 3 },
      signIn: { url: 'u', seconds: 60 },
    });
  });

  it('does not mutate its input', () => {
    const input = { nested: {} };
    applyDefaults(schema, input);
    expect(input).to.deep.equal({ nested: {} });
  });
});

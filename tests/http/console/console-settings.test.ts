// The console's sign-in settings: every bad configuration refused with the setting named, the secret read from file or environment.
import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleSettings } from '../../../node/http/console/console-settings.js';
import { NodeError } from '../../../node/errors.js';

/** A section as a person writes it: the schema's defaults are filled in by consoleSettings. */
type Section = Parameters<typeof consoleSettings>[0];
const section = (c: unknown) => c as Section;

describe('consoleSettings', () => {
  let dir: string;
  let configPath: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ffx-console-settings-'));
    configPath = join(dir, 'AL.yaml');
    await writeFile(join(dir, 'secret'), 'file-secret\n');
    await writeFile(join(dir, 'empty'), '\n');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const base = {
    publicUrl: 'https://ffx.police.example:7501',
    oidc: {
      issuer: 'https://idp.police.example/realms/ffp',
      clientId: 'ffx-console',
      clientSecretFile: 'secret',
    },
  };
  const refused = (c: unknown, https: boolean, env: NodeJS.ProcessEnv = {}) => {
    try {
      consoleSettings(section(c), { https, configPath, env });
    } catch (err) {
      expect(err).to.be.instanceOf(NodeError);
      expect((err as NodeError).code).to.equal('NODE-CONFIG-INVALID');
      return (err as NodeError).message;
    }
    throw new Error('accepted');
  };

  it('reads the client secret from a file next to the configuration and fills in the defaults', () => {
    const s = consoleSettings(section(base), { https: true, configPath, env: {} });
    expect(s).to.deep.equal({
      publicUrl: 'https://ffx.police.example:7501',
      secure: true,
      sessionSeconds: 28_800,
      idleSeconds: 1800,
      issuer: 'https://idp.police.example/realms/ffp',
      clientId: 'ffx-console',
      clientSecret: 'file-secret',
      scopes: ['openid', 'profile'],
      rolesClaim: 'roles',
      insecureIssuer: false,
    });
  });

  it('reads the client secret from the environment, and always asks for openid', () => {
    const s = consoleSettings(
      section({
        ...base,
        oidc: {
          issuer: base.oidc.issuer,
          clientId: 'c',
          clientSecretEnv: 'FFX_OIDC_SECRET',
          scopes: ['profile', 'roles'],
        },
      }),
      { https: true, configPath, env: { FFX_OIDC_SECRET: 'env-secret' } },
    );
    expect(s.clientSecret).to.equal('env-secret');
    expect(s.scopes).to.deep.equal(['openid', 'profile', 'roles']);
  });

  it('accepts plain http for a loopback identity provider only (dev)', () => {
    const s = consoleSettings(
      section({
        publicUrl: 'http://127.0.0.1:7501',
        oidc: { ...base.oidc, issuer: 'http://127.0.0.1:9000' },
      }),
      { https: false, configPath, env: {} },
    );
    expect(s.insecureIssuer).to.equal(true);
    expect(s.secure).to.equal(false);
    expect(
      refused({ ...base, oidc: { ...base.oidc, issuer: 'http://idp.police.example' } }, true),
    ).to.match(
      /localApi\.console\.oidc\.issuer: plain http is accepted for a loopback identity provider only/,
    );
  });

  it('refuses an http publicUrl when the local API is on HTTPS', () => {
    expect(refused({ ...base, publicUrl: 'http://ffx.police.example:7501' }, true)).to.match(
      /localApi\.console\.publicUrl: must be https/,
    );
  });

  it('refuses no secret, two secrets, an unreadable file and an empty secret, naming the setting and never the secret', () => {
    const { clientSecretFile: _f, ...noSecret } = base.oidc;
    expect(refused({ ...base, oidc: noSecret }, true)).to.match(
      /give exactly one of clientSecretFile and clientSecretEnv/,
    );
    expect(
      refused({ ...base, oidc: { ...base.oidc, clientSecretEnv: 'X' } }, true, { X: 'x' }),
    ).to.match(/exactly one/);
    expect(
      refused({ ...base, oidc: { ...base.oidc, clientSecretFile: 'missing' } }, true),
    ).to.match(/localApi\.console\.oidc\.clientSecretFile: cannot read .*missing/);
    expect(refused({ ...base, oidc: { ...base.oidc, clientSecretFile: 'empty' } }, true)).to.match(
      /the client secret is empty/,
    );
    const env = refused({ ...base, oidc: { ...noSecret, clientSecretEnv: 'UNSET_VAR' } }, true, {});
    expect(env).to.match(/clientSecretEnv: the client secret is empty/);
    expect(env).not.to.include('file-secret');
  });
});

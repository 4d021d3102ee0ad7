// `ffx demo`: the dev federation (AL, RS, MD, EU-DE as separate processes) playing a real exchange.
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { TimelineEntry } from '../../dev/demo-story.js';
import { CliExit } from '../cli-exit.js';

const DEMO_NODES = ['AL', 'RS', 'MD', 'EU-DE'];

export function register(program: Command): void {
  program
    .command('demo')
    .description(
      'run the demo federation: AL, RS, MD and EU-DE exchange signed, encrypted, policy-filtered messages',
    )
    .option('--pki <dir>', 'dev PKI folder (created when missing)', 'certs-dev/out')
    .option('--state <dir>', 'folder for configurations, journals and logs', '.ffx/demo')
    .option('--keep', 'keep the nodes running after the story (Ctrl-C stops them)')
    .action(async (opts: { pki: string; state: string; keep?: boolean }) => {
      // Loaded on use: the other commands do not pay for the demo's dependencies.
      const { existsSync } = await import('node:fs');
      const { readFile } = await import('node:fs/promises');
      const { X509Certificate } = await import('node:crypto');
      const { generateDevPki } = await import('../../../certs-dev/index.js');
      const { mintDevToken } = await import('../../http/auth/dev-token.js');
      const { verifyJournal } = await import('../../audit/index.js');
      const { ensureRedis } = await import('../../dev/private-redis.js');
      const { DevFederationRunner } = await import('../../dev/dev-federation-runner.js');
      const { DEV_PASSWORD } = await import('../../dev/identity-provider.js');
      const { playStory } = await import('../../dev/demo-story.js');
      const { digestOf } = await import('../../../protocol/index.js');
      const pkiDir = resolve(opts.pki);
      const stateDir = resolve(opts.state);
      const started = Date.now();
      const line = (s: string) => process.stdout.write(`${s}\n`);

      if (!existsSync(join(pkiDir, 'directory.jws'))) {
        line(`creating the dev PKI in ${pkiDir} …`);
        await generateDevPki({ out: pkiDir });
      }
      let redis;
      try {
        redis = await ensureRedis();
      } catch (err) {
        throw new CliExit(1, `ffx demo: ${(err as Error).message}`);
      }
      line(
        redis.private
          ? `started a private redis-server at ${redis.url}`
          : `using Redis at ${redis.url}`,
      );

      const fed = new DevFederationRunner({
        pkiDir,
        stateDir,
        redisUrl: redis.url,
        redisPrefix: 'ffx:demo:',
        mintToken: (sub, roles) => mintDevToken({ pkiDir, sub, roles, ttlSeconds: 3600 }),
        identityProviders: true,
      });
      // Where a person signs in: each node's console and its dev identity provider's users.
      const consoles = () => {
        line(
          `console sign-in (one dev identity provider per node; every user's password: ${DEV_PASSWORD})`,
        );
        for (const id of DEMO_NODES) {
          const idp = fed.identityProvider(id);
          const users = idp.users.filter((u) => u.roles.length > 0).map((u) => u.username);
          line(`  ${id.padEnd(6)} ${fed.process(id).ready.localApi}/console/  ${users.join(' ')}`);
        }
        line(`  API documentation: ${fed.process(DEMO_NODES[0]!).ready.localApi}/docs/`);
      };
      await fed.clean();
      try {
        for (const id of DEMO_NODES) {
          const p = await fed.start(id);
          line(
            `node ${id.padEnd(6)} peer API ${p.ready.peerApi}  local API ${p.ready.localApi}  (pid ${p.ready.pid})`,
          );
        }
        consoles();
        line('');
        line('timeline');
        const print = (e: TimelineEntry) =>
          line(`  +${String(e.at).padStart(5)} ms  ${e.node.padEnd(6)} ${e.text}`);
        const result = await playStory(fed, print);
        line('');
        const denied = result.hit.results.filter((r) => r.status === 'denied');
        // The trace request, RS's two answers to it, and each hit delivered.
        const receipts = 3 + Object.keys(result.hit.delivered).length;
        line(
          `${receipts} deliveries, each with a verified signed receipt; ${denied.length} destination refused by policy`,
        );

        await fed.stopAll();
        line('audit journals');
        let broken = 0;
        for (const id of DEMO_NODES) {
          const cert = new X509Certificate(
            await readFile(join(pkiDir, 'members', id, 'sig.cert.pem')),
          );
          const keys = new Map([[digestOf(cert.raw), cert.publicKey]]);
          const file = join(stateDir, id, 'audit-main.jsonl');
          const v = await verifyJournal(file, { publicKeys: keys, nodeId: id });
          if (!v.ok) broken++;
          line(
            `  ${id.padEnd(6)} ${v.ok ? 'ok' : 'BROKEN'}: ${v.entries} entries, ${v.checkpoints} checkpoints${v.firstBroken ? ` — ${v.firstBroken.reason}` : ''}`,
          );
        }
        if (broken > 0) throw new CliExit(1, 'ffx demo: an audit journal did not verify');
        if (opts.keep) {
          for (const id of DEMO_NODES) await fed.start(id);
          consoles();
          line(
            `nodes are running (tokens: npx ffx dev-token --role analyst --sub you); Ctrl-C stops them`,
          );
          await new Promise<void>((r) => process.once('SIGINT', () => r()));
        }
        line(`demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } finally {
        await fed.stopAll();
        if (!opts.keep) await fed.clean({ keepState: true });
        await redis.stop();
      }
    });
}

// `ffx node start`: runs one exchange node process until SIGTERM/SIGINT.
import type { Command } from 'commander';
import type { ExchangeNode } from '../../app/exchange-node.js';
import { CliExit } from '../cli-exit.js';

export function register(program: Command): void {
  const node = program.command('node').description('run the exchange node service');
  node
    .command('start')
    .description(
      'start a node process (peer API, local API, delivery workers) from a configuration file',
    )
    .requiredOption(
      '-c, --config <file>',
      'node configuration (YAML or JSON, schemas/node-config.schema.json)',
    )
    .action(async (opts: { config: string }) => {
      const { loadConfig } = await import('../../config/load-config.js');
      const { NodeError } = await import('../../errors.js');
      let running: ExchangeNode;
      try {
        const config = await loadConfig(opts.config);
        const { ExchangeNode } = await import('../../app/exchange-node.js');
        // Fault injection for the test suites only: run this process with a shifted clock.
        const offset = Number(process.env.FFX_FAULT_CLOCK_OFFSET_MS ?? 0);
        running = await ExchangeNode.start(
          config,
          Number.isFinite(offset) && offset !== 0
            ? { now: () => new Date(Date.now() + offset) }
            : {},
        );
      } catch (err) {
        if (err instanceof NodeError) throw new CliExit(1, `ffx node: ${err.message}`);
        throw new CliExit(1, `ffx node: cannot start: ${(err as Error).message}`);
      }
      process.stdout.write(
        `${JSON.stringify({ event: 'ready', nodeId: running.config.nodeId, instanceId: running.config.instanceId, peerApi: running.peerUrl, localApi: running.localUrl, pid: process.pid })}\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          running.stop().then(resolve, (err: Error) => {
            process.stderr.write(`ffx node: error while stopping: ${err.message}\n`);
            resolve();
          });
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
    });
}

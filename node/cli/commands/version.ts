// `ffx version`: prints the node's software and protocol version.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';

export function register(program: Command): void {
  const pkg = JSON.parse(
    readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  program.version(pkg.version, '-V, --version', 'print the software version');
}

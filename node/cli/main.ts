// The `ffx` command: one entry point, one sub-command per file in ./commands.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { CliExit } from './cli-exit.js';

/** What every file in ./commands exports: it adds its command(s) to the program. */
export interface CommandModule {
  register(program: Command): void;
}

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

/** Builds the program with every command registered; exported for tests and `--help` checks. */
export async function buildProgram(): Promise<Command> {
  const program = new Command('ffx')
    .description(
      'FFP exchange node: dev PKI, sealing and opening messages, policies, audit, node service',
    )
    .showHelpAfterError()
    .exitOverride();
  const files = readdirSync(commandsDir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(commandsDir, file)).href)) as CommandModule;
    mod.register(program);
  }
  program.commands.forEach((c) => applyExitOverride(c));
  return program;
}

function applyExitOverride(cmd: Command): void {
  cmd.exitOverride().showHelpAfterError();
  cmd.commands.forEach((c) => applyExitOverride(c));
}

/**
 * Runs the CLI and resolves to the process exit code: 0 success, 1 usage or operational error,
 * 2 a message or input was rejected (the command prints `CODE: message` on stderr).
 */
export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CliExit) {
      if (err.message)
        process.stderr.write(err.message.endsWith('\n') ? err.message : `${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof CommanderError) {
      return err.exitCode;
    }
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`ffx: ${msg}\n`);
    return 1;
  }
}

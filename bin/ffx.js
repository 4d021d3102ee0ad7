#!/usr/bin/env node
// Entry point of the `ffx` command: loads the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../node/cli/main.ts');
const code = await main(process.argv);
process.exitCode = code;
// A command is over when main resolves (`node start` resolves only after a graceful stop): give
// asynchronous log writes a moment, then leave even if a library still holds a handle open.
setTimeout(() => process.exit(code), 500).unref();

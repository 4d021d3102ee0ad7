// Test helper: runs the real openssl binary to verify certificates against a CA file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onRunEnd } from '../fixtures/cleanup.js';

let scratch: string | undefined;

/** A temp folder for PEM files handed to openssl, removed at run end. */
function scratchDir(): string {
  if (!scratch) {
    const dir = mkdtempSync(join(tmpdir(), 'ffx-openssl-'));
    onRunEnd(() => rmSync(dir, { recursive: true, force: true }));
    scratch = dir;
  }
  return scratch;
}

let counter = 0;

/** Writes `pem` to a scratch file and returns its path. */
export function pemFile(pem: string): string {
  const path = join(scratchDir(), `c${++counter}.pem`);
  writeFileSync(path, pem);
  return path;
}

/** Result of `openssl verify`: exit status and combined output. */
export interface OpensslVerify {
  status: number | null;
  output: string;
}

/**
 * `openssl verify -CAfile <ca> [-purpose p] [-attime t] <certs…>` with the real binary. `ca` and `certs` are
 * file paths. With several certificates openssl exits non-zero when any one fails.
 */
export function opensslVerify(
  ca: string,
  certs: string[],
  purpose?: string,
  at?: Date,
): OpensslVerify {
  const args = [
    'verify',
    '-CAfile',
    ca,
    ...(purpose ? ['-purpose', purpose] : []),
    ...(at ? ['-attime', String(Math.floor(at.getTime() / 1000))] : []),
    ...certs,
  ];
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

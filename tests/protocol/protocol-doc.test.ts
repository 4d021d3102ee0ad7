// PROTOCOL.md and the code agree: every catalogue code is documented with the same semantics.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { ffxErrorCatalogue } from '../../protocol/index.js';

describe('PROTOCOL.md', () => {
  const doc = readFileSync(new URL('../../protocol/PROTOCOL.md', import.meta.url), 'utf8');
  const rows = new Map(
    [
      ...doc.matchAll(/^\| `(FFX-[A-Z0-9-]+)` \| (\d{3}) \| (yes|no) \| (yes|no) \| (.+) \|$/gm),
    ].map((m) => [
      m[1]!,
      { status: Number(m[2]), retryable: m[3] === 'yes', negativeReceipt: m[4] === 'yes' },
    ]),
  );

  it('documents every code of the catalogue with its HTTP status, retry and receipt semantics', () => {
    for (const [code, e] of Object.entries(ffxErrorCatalogue)) {
      expect(rows.get(code), `${code} is missing from the table in PROTOCOL.md`).to.deep.equal({
        status: e.status,
        retryable: e.retryable,
        negativeReceipt: e.negativeReceipt,
      });
    }
  });

  it('documents no code the catalogue does not have', () => {
    expect([...rows.keys()].filter((c) => !(c in ffxErrorCatalogue))).to.deep.equal([]);
  });
});

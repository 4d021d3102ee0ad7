// PROTOCOL.md and the code agree: every catalogue code is documented with the same semantics, and
// every numbered rule checked on the wire has a test naming it.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

describe('PROTOCOL.md conformance list (§10)', () => {
  const doc = readFileSync(new URL('../../protocol/PROTOCOL.md', import.meta.url), 'utf8');
  const at = doc.indexOf('## 10. Conformance');
  const body = doc.slice(0, at);
  const rules = [...doc.slice(at).matchAll(/^\| P-(\d+) \| (.+) \| (wire|node) \|$/gm)].map(
    (m) => ({
      n: Number(m[1]),
      checked: m[3] as 'wire' | 'node',
    }),
  );
  const tagsIn = (text: string) => [...text.matchAll(/\[P-(\d+)\]/g)].map((m) => Number(m[1]));

  /** Paragraphs, list items and table rows of the text before §10. */
  const blocks = body
    .split(/\n\s*\n/)
    .flatMap((p) => p.split(/\n(?=\s*(?:- |\d+\. |\| ))/))
    .filter((b) => !b.includes('The key words MUST'));

  it('numbers its rules P-1 … P-n once each, each wire or node', () => {
    expect(rules.length).to.be.greaterThan(20);
    expect(rules.map((r) => r.n)).to.deep.equal(rules.map((_, i) => i + 1));
  });

  it('tags every paragraph, list item or table row that says MUST with a rule number', () => {
    const untagged = blocks.filter((b) => /\bMUST\b/.test(b) && tagsIn(b).length === 0);
    expect(untagged, 'MUST without [P-n]').to.deep.equal([]);
  });

  it('lists exactly the rules the text tags, and the text tags each rule', () => {
    const inText = [...new Set(tagsIn(body))].sort((a, b) => a - b);
    expect(inText).to.deep.equal(rules.map((r) => r.n));
  });

  it('has a test naming every rule checked on the wire', () => {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const self = fileURLToPath(import.meta.url);
    const named = new Set<number>();
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && p !== self)
          for (const n of tagsIn(readFileSync(p, 'utf8'))) named.add(n);
      }
    };
    walk(root);
    // The conformance vectors test names each vector's rule in its title.
    const vectors = JSON.parse(
      readFileSync(
        new URL('../../protocol/vectors/conformance/conformance.json', import.meta.url),
        'utf8',
      ),
    ) as { vectors: Array<{ rule: string }> };
    for (const v of vectors.vectors)
      for (const r of v.rule.split(' ')) named.add(Number(r.slice(2)));
    const missing = rules
      .filter((r) => r.checked === 'wire' && !named.has(r.n))
      .map((r) => `P-${r.n}`);
    expect(missing, 'wire rules no test names').to.deep.equal([]);
  });
});

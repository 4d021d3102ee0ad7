// Canonical JSON: the bytes every decision hash and journal entry hash are computed over.
import { expect } from 'chai';
import fc from 'fast-check';
import { canonicalJson } from '../../node/lib/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).to.equal(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('leaves out undefined properties and writes undefined array items as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1], c: null })).to.equal(
      '{"b":[null,1],"c":null}',
    );
    expect(canonicalJson(undefined)).to.equal('null');
  });

  it('escapes keys and strings as JSON does and sorts by code unit', () => {
    expect(canonicalJson({ é: 1, 'a"b': 2, Z: 3, '\n': 4 })).to.equal(
      '{"\\n":4,"Z":3,"a\\"b":2,"é":1}',
    );
  });

  it('reads back as the same value, whatever the key order it was built in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(JSON.parse(text)).to.deep.equal(JSON.parse(JSON.stringify(v)));
        const reordered = JSON.parse(JSON.stringify(v), (_k, x: unknown) =>
          x && typeof x === 'object' && !Array.isArray(x)
            ? Object.fromEntries(Object.entries(x).reverse())
            : x,
        ) as unknown;
        expect(canonicalJson(reordered)).to.equal(text);
      }),
      { numRuns: 300 },
    );
  });
});

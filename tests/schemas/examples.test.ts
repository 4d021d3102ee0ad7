// Every schema's examples: the valid ones pass, each invalid one fails for the reason its file states.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { validate } from '../../protocol/validate.js';
import { namedSchemas, type SchemaName } from '../../protocol/schema-registry.js';

const root = new URL('../../schemas/examples/', import.meta.url);

describe('schema examples', () => {
  const schemas = readdirSync(root).sort();

  it('exist for every named schema: at least one valid and five invalid each', () => {
    expect(schemas).to.have.members(Object.keys(namedSchemas));
    for (const s of schemas) {
      const files = readdirSync(new URL(`${s}/`, root));
      expect(files.filter((f) => f.startsWith('valid-')).length, s).to.be.at.least(1);
      expect(files.filter((f) => f.startsWith('invalid-')).length, s).to.be.at.least(5);
    }
  });

  for (const s of schemas) {
    describe(s, () => {
      for (const file of readdirSync(new URL(`${s}/`, root)).sort()) {
        const doc = JSON.parse(readFileSync(new URL(`${s}/${file}`, root), 'utf8')) as Record<
          string,
          unknown
        >;
        if (file.startsWith('valid-')) {
          it(`${file} is valid`, () => {
            expect(validate(s as SchemaName, doc)).to.deep.equal({ valid: true });
          });
        } else {
          const {
            expect: why,
            data,
            $comment,
          } = doc as {
            expect: { pointer: string; keyword: string };
            data: unknown;
            $comment: string;
          };
          it(`${file} fails at ${why.pointer || '/'} (${why.keyword}): ${$comment}`, () => {
            const r = validate(s as SchemaName, data);
            expect(r.valid).to.equal(false);
            if (r.valid) return;
            for (const e of r.errors) {
              expect(e.pointer).to.match(/^(\/[^/]*)*$/);
              expect(e.message).to.be.a('string').and.not.equal('');
            }
            expect(r.errors.map((e) => `${e.pointer} ${e.keyword}`)).to.include(
              `${why.pointer} ${why.keyword}`,
            );
          });
        }
      }
    });
  }
});

// Every schema's examples: the valid ones pass, each invalid one fails for the one reason it states.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { validate, type SchemaProblem } from '../../protocol/validate.js';
import { namedSchemas, type SchemaName } from '../../protocol/schema-registry.js';

const root = new URL('../../schemas/examples/', import.meta.url);

/** The wrapper of an invalid example: why it fails, and the instance itself. */
interface InvalidExample {
  $comment: string;
  expect: { pointer: string; keyword: string };
  data: unknown;
}

const POINTER = /^(\/([^~/]|~[01])*)*$/;

function read(schema: string, file: string): unknown {
  return JSON.parse(readFileSync(new URL(`${schema}/${file}`, root), 'utf8')) as unknown;
}

function filesOf(schema: string): string[] {
  return readdirSync(new URL(`${schema}/`, root)).sort();
}

/** True when `pointer` is `at` or lies underneath it. */
function within(pointer: string, at: string): boolean {
  return pointer === at || pointer.startsWith(`${at}/`);
}

describe('schema examples', () => {
  const schemas = readdirSync(root).sort();

  it('exist for every named schema: at least one valid and five invalid each', () => {
    expect(schemas).to.have.members(Object.keys(namedSchemas));
    for (const s of schemas) {
      const files = filesOf(s);
      expect(files.filter((f) => f.startsWith('valid-')).length, s).to.be.at.least(1);
      expect(files.filter((f) => f.startsWith('invalid-')).length, s).to.be.at.least(5);
    }
  });

  it('are named valid-<what>.json or invalid-<reason>.json, in kebab case', () => {
    for (const s of schemas) {
      for (const f of filesOf(s))
        expect(f, s).to.match(/^(valid|invalid)-[a-z0-9]+(-[a-z0-9]+)*\.json$/);
    }
  });

  for (const s of schemas) {
    const name = s as SchemaName;
    describe(s, () => {
      for (const file of filesOf(s)) {
        if (file.startsWith('valid-')) {
          it(`${file} is valid`, () => {
            const doc = read(s, file);
            expect(doc, 'a valid example is the bare instance').to.not.have.property('expect');
            expect(validate(name, doc)).to.deep.equal({ valid: true });
          });
          continue;
        }
        const doc = read(s, file) as InvalidExample;
        const why = doc.expect;
        it(`${file} fails at ${why?.pointer || '/'} (${why?.keyword}): ${doc.$comment}`, () => {
          expect(Object.keys(doc).sort()).to.deep.equal(['$comment', 'data', 'expect']);
          expect(doc.$comment).to.be.a('string').and.not.equal('');
          expect(why.pointer).to.match(POINTER);
          expect(why.keyword).to.be.a('string').and.not.equal('');
          const r = validate(name, doc.data);
          expect(r.valid, 'the instance must be rejected').to.equal(false);
          if (r.valid) return;
          expect(r.errors).to.be.an('array').that.is.not.empty;
          for (const e of r.errors as SchemaProblem[]) {
            expect(Object.keys(e).sort()).to.deep.equal(['keyword', 'message', 'pointer']);
            expect(e.pointer).to.match(POINTER);
            expect(e.message).to.be.a('string').and.not.equal('');
            // a human message, not ajv's internal schema path
            expect(e.message).to.not.match(/#\/|\$defs/);
          }
          expect(r.errors.map((e) => `${e.pointer} ${e.keyword}`)).to.include(
            `${why.pointer} ${why.keyword}`,
          );
          // one reason: nothing else in the instance is wrong
          const elsewhere = r.errors.filter((e) => !within(e.pointer, why.pointer));
          expect(elsewhere, 'errors outside the stated pointer').to.deep.equal([]);
        });
      }
    });
  }
});

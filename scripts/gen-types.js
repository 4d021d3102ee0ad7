#!/usr/bin/env node
// Generates generated/openapi.ts from openapi.yaml (and the schemas it references); --check fails on drift.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'generated', 'openapi.ts');
const header = `// Generated from openapi.yaml and schemas/ by scripts/gen-types.js: do not edit.
// Regenerate with \`npm run gen\`; \`npm test\` fails when this file is out of date.
`;

const ast = await openapiTS(new URL(`file://${join(root, 'openapi.yaml')}`), {
  alphabetize: true,
  exportType: true,
});
const body = astToString(ast);
const prettierConfig = (await prettier.resolveConfig(target)) ?? {};
const text = await prettier.format(header + body, { ...prettierConfig, parser: 'typescript' });

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(
      'generated/openapi.ts is out of date with openapi.yaml or schemas/: run `npm run gen` and commit it',
    );
    process.exit(1);
  }
  console.log('generated/openapi.ts is up to date');
} else {
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
  console.log(`wrote ${target}`);
}

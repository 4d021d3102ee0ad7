#!/usr/bin/env node
// Generates generated/openapi.ts from openapi.yaml (and the schemas it references); --check fails on drift.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
import { bundle, loadConfig } from '@redocly/openapi-core';

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

// The document /docs renders: openapi.yaml with its schemas inlined (every $ref within the one
// document), without the schemas' $id and $schema, so a renderer resolves nothing elsewhere.
const bundleTarget = join(root, 'generated', 'openapi.bundle.json');
const { bundle: bundled } = await bundle({
  ref: join(root, 'openapi.yaml'),
  config: await loadConfig({}),
  dereference: false,
});
const withoutIds = (node) => {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => !((k === '$id' || k === '$schema') && typeof v === 'string'))
      .map(([k, v]) => [k, withoutIds(v)]),
  );
};
const bundleText = `${JSON.stringify(
  {
    'x-generated':
      'from openapi.yaml and schemas/ by scripts/gen-types.js: do not edit; regenerate with npm run gen',
    ...withoutIds(bundled.parsed),
  },
  null,
  2,
)}\n`;

const outputs = [
  [target, text],
  [bundleTarget, bundleText],
];
if (process.argv.includes('--check')) {
  for (const [file, content] of outputs) {
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current !== content) {
      console.error(
        `${file} is out of date with openapi.yaml or schemas/: run \`npm run gen\` and commit it`,
      );
      process.exit(1);
    }
  }
  console.log('generated/openapi.ts and generated/openapi.bundle.json are up to date');
} else {
  await mkdir(dirname(target), { recursive: true });
  for (const [file, content] of outputs) {
    await writeFile(file, content);
    console.log(`wrote ${file}`);
  }
}

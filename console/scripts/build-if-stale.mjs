// Builds the console when console/dist is missing or older than its sources or the schemas it is generated from.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = [
  'console/src',
  'console/index.html',
  'console/vite.config.ts',
  'console/tsconfig.json',
  'schemas',
  'generated',
];
const BUILT = join(root, 'console/dist/index.html');

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(path)) max = Math.max(max, newest(join(path, e)));
  return max;
}

const sources = Math.max(
  ...SOURCES.map((s) => join(root, s))
    .filter(existsSync)
    .map(newest),
);
if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources) {
  console.log('console/dist is up to date');
} else {
  await build({ configFile: join(root, 'console/vite.config.ts'), logLevel: 'warn' });
  console.log('console built into console/dist');
}

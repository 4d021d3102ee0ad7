// Builds the console into console/dist, served by the node at /console/; prints the initial JS size gzipped.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { formValidators } from './form-validators-plugin.js';

/** The budget of the initial JavaScript (entry chunk and its static imports), gzipped. */
const INITIAL_JS_BUDGET_BYTES = 250 * 1024;

/** Sums the entry chunk and every chunk it imports statically (what the browser loads first). */
function initialJsSize(): Plugin {
  return {
    name: 'ffx-initial-js-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle)
          .filter((o) => o.type === 'chunk')
          .map((c) => [c.fileName, c]),
      );
      const initial = new Set<string>();
      const visit = (name: string) => {
        if (initial.has(name)) return;
        initial.add(name);
        for (const dep of chunks.get(name)?.imports ?? []) visit(dep);
      };
      for (const c of chunks.values()) if (c.isEntry) visit(c.fileName);
      let gz = 0;
      for (const name of initial) gz += gzipSync(chunks.get(name)!.code).length;
      const kb = (gz / 1024).toFixed(1);
      const line = `initial JavaScript of the console: ${kb} KB gzipped in ${initial.size} chunk(s) (budget ${INITIAL_JS_BUDGET_BYTES / 1024} KB)`;
      if (gz > INITIAL_JS_BUDGET_BYTES) this.error(line);
      process.stdout.write(`${line}\n`);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react(), formValidators(), initialJsSize()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
});

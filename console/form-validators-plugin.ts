// Precompiles the forms' validators at build time (ajv standalone code), so the console never evaluates code at run time (CSP without 'unsafe-eval').
import type { Plugin } from 'vite';
import { compileSchemaValidatorsCode } from '@rjsf/validator-ajv8/compileSchemaValidators';
import Ajv2020 from 'ajv/dist/2020.js';
import type Ajv from 'ajv';
import { formSchemas, type FormName } from './src/schemas/form-schemas.js';

const PREFIX = 'virtual:ffx-form-validators/';

/** The ajv settings of the forms: JSON Schema 2020-12 with ajv-formats, as the node validates. */
export const FORM_AJV_OPTIONS = {
  AjvClass: Ajv2020 as unknown as typeof Ajv,
  ajvFormatOptions: { mode: 'full' as const },
  ajvOptionsOverrides: { code: { lines: false } },
};

/**
 * `import fns from 'virtual:ffx-form-validators/<form>'` gives the precompiled validator functions
 * of that form's schema by schema id. Ajv's standalone code names its runtime helpers with `require()`; they
 * become ES imports here.
 */
export function formValidators(): Plugin {
  return {
    name: 'ffx-form-validators',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const name = id.slice(PREFIX.length + 1) as FormName;
      const schema = formSchemas()[name];
      if (!schema) this.error(`no form ${name}`);
      const code = compileSchemaValidatorsCode(schema, FORM_AJV_OPTIONS);
      const modules = new Map<string, string>();
      const body = code.replace(/require\("([^"]+)"\)/g, (_m, mod: string) => {
        if (!modules.has(mod)) modules.set(mod, `__ajv_${modules.size}`);
        return modules.get(mod)!;
      });
      const imports = [...modules].map(
        ([mod, v]) => `import * as ${v} from ${JSON.stringify(mod)};`,
      );
      // The standalone code is CommonJS (its export names are schema hashes, not identifiers).
      return `${imports.join('\n')}\nconst module = { exports: {} };\nconst exports = module.exports;\n${body}\nexport default module.exports;\n`;
    },
  };
}

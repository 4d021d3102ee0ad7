// Modules the console's build generates (form-validators-plugin.ts): a form's precompiled validator functions by schema id.
declare module 'virtual:ffx-form-validators/*' {
  import type { CompiledValidateFunction } from '@rjsf/validator-ajv8';
  const fns: Record<string, CompiledValidateFunction>;
  export default fns;
}

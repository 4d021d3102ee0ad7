// The forms' validators, precompiled at build time from the same schemas (see form-validators-plugin.ts).
import { createPrecompiledValidator } from '@rjsf/validator-ajv8';
import type { ValidatorFunctions } from '@rjsf/validator-ajv8';
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import handlingFns from 'virtual:ffx-form-validators/handling';
import traceRequestFns from 'virtual:ffx-form-validators/trace-request';
import traceResponseFns from 'virtual:ffx-form-validators/trace-response';
import hitNotificationFns from 'virtual:ffx-form-validators/hit-notification';
import { formSchemas, type FormName } from '../schemas/form-schemas.js';
import type { JsonSchema } from '../schemas/registry.js';
import { pruningValidator } from './prune.js';

const FNS: Record<FormName, ValidatorFunctions> = {
  handling: handlingFns,
  'trace-request': traceRequestFns,
  'trace-response': traceResponseFns,
  'hit-notification': hitNotificationFns,
};

/** A form's schema with its validator. */
export interface FormDefinition {
  schema: JsonSchema;
  validator: ValidatorType;
}

let forms: Record<FormName, FormDefinition> | undefined;

/** The schema and validator of form `name`. */
export function formDefinition(name: FormName): FormDefinition {
  if (!forms) {
    const schemas = formSchemas();
    forms = Object.fromEntries(
      (Object.keys(FNS) as FormName[]).map((n) => [
        n,
        {
          schema: schemas[n],
          validator: pruningValidator(createPrecompiledValidator(FNS[n], schemas[n] as RJSFSchema)),
        },
      ]),
    ) as Record<FormName, FormDefinition>;
  }
  return forms[name];
}

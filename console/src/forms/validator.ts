// The forms' validator: ajv's 2020-12 class with ajv-formats, as the node validates.
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020.js';
import type Ajv from 'ajv';

/** One validator for every form of the console (the node's schemas are JSON Schema 2020-12). */
export const validator = customizeValidator({
  AjvClass: Ajv2020 as unknown as typeof Ajv,
  ajvFormatOptions: { mode: 'full' },
});

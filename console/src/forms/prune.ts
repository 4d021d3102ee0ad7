// What a form holds minus what nobody filled in: empty texts, and objects and lists left empty.
import type { ValidatorType } from '@rjsf/utils';

/**
 * `value` without undefined values, empty strings, and objects or arrays that are empty once
 * pruned (the form library creates empty objects for optional groups nobody touched; the schemas
 * would then demand their required fields). Undefined when nothing is left.
 */
export function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, prune(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value === '' ? undefined : value;
}

/** A validator that checks the pruned form data: what would be sent. */
export function pruningValidator(v: ValidatorType): ValidatorType {
  return {
    validateFormData: (data, schema, customValidate, transformErrors, uiSchema) =>
      v.validateFormData(prune(data) ?? {}, schema, customValidate, transformErrors, uiSchema),
    isValid: (schema, data, root) => v.isValid(schema, prune(data) ?? {}, root),
    rawValidation: (schema, data) => v.rawValidation(schema, prune(data) ?? {}),
    ...(v.reset ? { reset: () => v.reset?.() } : {}),
  };
}

// Derives the form layout hints (uiSchema) from a schema: which widget suits each field.
import type { UiSchema } from '@rjsf/utils';
import type { JsonSchema } from '../schemas/registry.js';

function isStringChoice(s: JsonSchema): boolean {
  const options = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  return Array.isArray(options) && options.length > 0 && options.every((o) => o.type === 'string');
}

/**
 * A uiSchema for `schema`: a value that may be one of several string forms (a date or a year) is
 * one text field checked against all of them instead of a chooser between "Option 1" and
 * "Option 2"; a set of choices (unique items of an enum) is a group of check boxes; long texts
 * are text areas.
 */
export function uiSchemaFor(schema: JsonSchema): UiSchema {
  const walk = (s: JsonSchema): UiSchema => {
    const ui: UiSchema = {};
    if (isStringChoice(s)) {
      ui['ui:field'] = 'StringField';
      ui['ui:fieldReplacesAnyOrOneOf'] = true;
      ui['ui:placeholder'] = 'YYYY-MM-DD or YYYY';
    }
    if (s.type === 'string' && typeof s.maxLength === 'number' && s.maxLength > 500) {
      ui['ui:widget'] = 'textarea';
    }
    // A constant (the kind of an item once its branch is chosen) is implied, not typed.
    if (s.const !== undefined) ui['ui:widget'] = 'hidden';
    const items = s.items as JsonSchema | undefined;
    if (s.type === 'array' && items) {
      if (Array.isArray(items.enum) && s.uniqueItems === true) ui['ui:widget'] = 'checkboxes';
      else {
        const inner = walk(items);
        if (Object.keys(inner).length > 0) ui.items = inner;
      }
      ui['ui:options'] = { orderable: false };
    }
    const props = s.properties as Record<string, JsonSchema> | undefined;
    for (const [k, v] of Object.entries(props ?? {})) {
      const inner = walk(v);
      if (Object.keys(inner).length > 0) ui[k] = { ...(ui[k] as UiSchema | undefined), ...inner };
    }
    // The branches of a choice share the field's layout hints (the chosen branch's fields use them).
    if (!isStringChoice(s)) {
      for (const option of [
        ...((s.oneOf ?? []) as JsonSchema[]),
        ...((s.anyOf ?? []) as JsonSchema[]),
      ]) {
        for (const [k, v] of Object.entries(walk(option)) as Array<[string, unknown]>) {
          ui[k] =
            typeof v === 'object' && v !== null
              ? { ...(ui[k] as UiSchema | undefined), ...(v as UiSchema) }
              : v;
        }
      }
    }
    return ui;
  };
  return walk(schema);
}

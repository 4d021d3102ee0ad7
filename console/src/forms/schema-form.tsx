// A form generated from one of the node's JSON Schemas: every field, label and hint comes from the schema.
import { forwardRef, useCallback, useImperativeHandle, useMemo, useRef } from 'react';
import Form from '@rjsf/core';
import type { RJSFSchema, RJSFValidationError, ValidatorType } from '@rjsf/utils';
import { uiSchemaFor } from './ui-schema.js';
import { errorInWords } from './error-words.js';
import { FieldTemplate } from './field-template.js';
import { prune } from './prune.js';
import {
  AddButton,
  ClearButton,
  CopyButton,
  MoveDownButton,
  MoveUpButton,
  RemoveButton,
} from './buttons.js';
import type { JsonSchema } from '../schemas/registry.js';

/** What the page can ask of a schema form. */
export interface SchemaFormHandle {
  /** Shows every error (also of fields not touched yet) and says whether the data is valid. */
  validate(): boolean;
}

interface Props {
  /** Labelled and inlined schema (see `formSchemas`). */
  schema: JsonSchema;
  /** Its validator, precompiled from the same schema. */
  validator: ValidatorType;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Accessible name of the form. */
  label: string;
  /** A prefix of every field id, so two forms on one page never share ids. */
  idPrefix: string;
}

const TEMPLATES = {
  FieldTemplate,
  ButtonTemplates: {
    AddButton,
    RemoveButton,
    MoveUpButton,
    MoveDownButton,
    CopyButton,
    ClearButton,
  },
};

/**
 * The schema's form. Errors appear next to a field as soon as it was changed or left, and next
 * to every field once `validate()` ran (before sending), in words.
 */
export const SchemaForm = forwardRef<SchemaFormHandle, Props>(function SchemaForm(
  { schema, validator, value, onChange, label, idPrefix },
  ref,
) {
  const formRef = useRef<Form>(null);
  const touched = useRef(new Set<string>());
  const showAll = useRef(false);
  const uiSchema = useMemo(
    () => ({ ...uiSchemaFor(schema), 'ui:submitButtonOptions': { norender: true } }),
    [schema],
  );

  const transformErrors = useCallback(
    (errors: RJSFValidationError[]) =>
      errors
        .filter((e) => showAll.current || touched.current.has(idOf(idPrefix, e.property)))
        .map((e) => ({ ...e, message: errorInWords(e) })),
    [idPrefix],
  );

  useImperativeHandle(ref, () => ({
    validate() {
      showAll.current = true;
      return formRef.current?.validateForm() ?? false;
    },
  }));

  return (
    <section aria-label={label} className="schema-form">
      <Form
        ref={formRef}
        schema={schema as RJSFSchema}
        uiSchema={uiSchema}
        formData={value}
        validator={validator}
        idPrefix={idPrefix}
        liveValidate="onChange"
        showErrorList={false}
        noHtml5Validate
        transformErrors={transformErrors}
        templates={TEMPLATES}
        experimental_defaultFormStateBehavior={{
          emptyObjectFields: 'skipDefaults',
          arrayMinItems: { populate: 'requiredOnly' },
        }}
        onChange={(e, id) => {
          if (id) touched.current.add(id);
          onChange(prune(e.formData) ?? {});
        }}
        onBlur={(id) => {
          touched.current.add(id);
        }}
      />
    </section>
  );
});

/** The rjsf id of the field an error points at (`.firearm.serialNumber` → `body_firearm_serialNumber`). */
function idOf(prefix: string, property: string | undefined): string {
  return `${prefix}${(property ?? '').replace(/\./g, '_')}`;
}

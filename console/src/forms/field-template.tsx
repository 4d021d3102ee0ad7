// The forms' field frame: rjsf's own, but a text field standing for a choice of string forms keeps its label and hint.
import { getDefaultRegistry } from '@rjsf/core';
import type { FieldTemplateProps } from '@rjsf/utils';

const Default = getDefaultRegistry().templates.FieldTemplate;

/**
 * rjsf hides the label of a field rendered by a `ui:field` override; a date-or-year field is
 * such an override (one text box instead of a chooser), and must still say what it is.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const forced = props.uiSchema?.['ui:fieldReplacesAnyOrOneOf'] === true;
  return <Default {...props} displayLabel={props.displayLabel || forced} />;
}

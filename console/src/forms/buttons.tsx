// Array buttons of the forms with visible words (the default ones are icon fonts the console does not load).
import type { IconButtonProps } from '@rjsf/utils';
import { humanise } from '../schemas/labels.js';

/** `body_possessor_aliases__add` → `aliases`; `body_items_0__remove` → `items #1`. */
function fieldOf(id: string | undefined): string {
  const parts = (id ?? '')
    .replace(/__\w+$/, '')
    .split('_')
    .filter(Boolean)
    .slice(1);
  const last = parts.filter((p) => !/^\d+$/.test(p)).pop();
  const tail = parts[parts.length - 1] ?? '';
  const index = /^\d+$/.test(tail) ? ` #${Number(tail) + 1}` : '';
  return last ? `${humanise(last).toLowerCase()}${index}` : 'item';
}

function TextButton(props: IconButtonProps & { words: string }) {
  const { words, iconType, icon, className, uiSchema, registry, ...rest } = props;
  void iconType;
  void icon;
  void uiSchema;
  void registry;
  return (
    <button type="button" className={`form-button ${className ?? ''}`} {...rest} title={words}>
      {words}
    </button>
  );
}

/** "Add alias", "Add prior check", … */
export function AddButton(props: IconButtonProps) {
  return <TextButton {...props} words={`Add ${fieldOf(props.id)}`} />;
}

/** Removes an item of a list. */
export function RemoveButton(props: IconButtonProps) {
  return <TextButton {...props} words={`Remove ${fieldOf(props.id)}`} />;
}

/** Unused (lists are not reordered) but required by the template set. */
export function MoveUpButton(props: IconButtonProps) {
  return <TextButton {...props} words="Move up" />;
}

/** Unused (lists are not reordered) but required by the template set. */
export function MoveDownButton(props: IconButtonProps) {
  return <TextButton {...props} words="Move down" />;
}

/** Copies an item of a list. */
export function CopyButton(props: IconButtonProps) {
  return <TextButton {...props} words="Copy" />;
}

/** Clears a text input. */
export function ClearButton(props: IconButtonProps) {
  return <TextButton {...props} words="Clear" />;
}

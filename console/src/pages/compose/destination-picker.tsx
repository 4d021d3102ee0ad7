// Destinations from the federation directory: members and groups, by display name.
import { useTranslation } from 'react-i18next';
import type { Destination } from '../../api/directory.js';

/** Check boxes of the directory's members and groups. */
export function DestinationPicker({
  destinations,
  selected,
  onChange,
  error,
}: {
  destinations: Destination[];
  selected: string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  const render = (list: Destination[]) =>
    list.map((d) => (
      <label key={d.id} className="choice">
        <input
          type="checkbox"
          checked={selected.includes(d.id)}
          onChange={(e) => toggle(d.id, e.target.checked)}
        />
        {d.displayName} ({d.kind === 'group' ? d.members.join(', ') : d.id})
      </label>
    ));
  const members = destinations.filter((d) => d.kind === 'member');
  const groups = destinations.filter((d) => d.kind === 'group');
  return (
    <fieldset className="destinations" aria-describedby="destinations-hint">
      <legend>{t('compose.destinations')}</legend>
      <p id="destinations-hint" className="hint">
        {t('compose.destinationsHint')}
      </p>
      <div className="choices">{render(members)}</div>
      {groups.length > 0 ? <div className="choices">{render(groups)}</div> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The member ids that a selection of members and groups stands for, each once. */
export function expandDestinations(selected: string[], destinations: Destination[]): string[] {
  const out = new Set<string>();
  for (const id of selected) {
    const d = destinations.find((x) => x.id === id);
    for (const m of d?.members ?? [id]) out.add(m);
  }
  return [...out];
}

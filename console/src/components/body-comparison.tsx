// Two columns: the body as written and as the recipient receives it, with every difference marked.
import { useTranslation } from 'react-i18next';
import type { JsonSchema } from '../schemas/registry.js';
import { diffLeaves, type Leaf, type LeafChange } from './json-diff.js';

function Column({
  caption,
  rows,
}: {
  caption: string;
  rows: Array<Leaf & { change: LeafChange }>;
}) {
  const { t } = useTranslation();
  return (
    <table className="body-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.pointer} className={`change-${r.change}`}>
            <th scope="row">{r.label}</th>
            <td>
              {r.change === 'same' ? (
                r.value
              ) : (
                <mark>
                  {r.value}{' '}
                  <span className="change-word">
                    ({r.change === 'removed' ? t('preview.removed') : t('preview.changed')})
                  </span>
                </mark>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What was written beside what `to` receives. */
export function BodyComparison({
  written,
  received,
  to,
  schema,
}: {
  written: unknown;
  received: unknown;
  to: string;
  /** The body's form schema: rows are labelled with its titles. */
  schema?: JsonSchema;
}) {
  const { t } = useTranslation();
  const d = diffLeaves(written, received, schema);
  return (
    <div className="comparison">
      <Column caption={t('preview.written')} rows={d.written} />
      <Column caption={t('preview.received', { to })} rows={d.received} />
    </div>
  );
}

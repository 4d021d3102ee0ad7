// Per destination: the policy's decision in words and the body as that recipient receives it beside what was written.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestinationPreview } from '../../api/types.js';
import type { JsonSchema } from '../../schemas/registry.js';
import { BodyComparison } from '../../components/body-comparison.js';

/** What each recipient will see, as the node decides it with the policy it applies when sending. */
export function PreviewPanel({
  previews,
  written,
  stale,
  schema,
}: {
  previews: DestinationPreview[];
  written: unknown;
  stale: boolean;
  schema: JsonSchema;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [previews]);
  return (
    <section className="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading" ref={heading} tabIndex={-1}>
        {t('compose.previewHeading')}
      </h2>
      {stale ? (
        <p className="notice notice-warning" role="status">
          {t('compose.previewStale')}
        </p>
      ) : null}
      {previews.map((p) => (
        <article
          key={p.to}
          className={`preview-destination outcome-${p.outcome}`}
          aria-labelledby={`preview-${p.to}`}
        >
          <h3 id={`preview-${p.to}`}>
            {p.name} ({p.to})
          </h3>
          <p className={`decision decision-${p.outcome}`}>{p.summary}</p>
          <p className="muted">
            {t('preview.policy', { id: p.decision.policy.id, version: p.decision.policy.version })}
          </p>
          {p.outcome === 'denied' ? (
            <ul className="reasons">
              {p.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : (
            <>
              {p.transformations.length > 0 ? (
                <ul className="transformations">
                  {p.transformations.map((x) => (
                    <li key={`${x.pointer}-${x.ruleId}`}>{x.description}</li>
                  ))}
                </ul>
              ) : null}
              <BodyComparison written={written} received={p.body} to={p.to} schema={schema} />
            </>
          )}
        </article>
      ))}
    </section>
  );
}

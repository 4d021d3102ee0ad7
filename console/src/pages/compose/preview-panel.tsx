// Per destination: the policy's decision in words and the body as that recipient receives it beside what was written.
import { useTranslation } from 'react-i18next';
import type { PolicyPreview } from '../../api/types.js';
import { decisionHeadline, transformationsInWords } from '../../components/decision-words.js';
import { BodyComparison } from '../../components/body-comparison.js';

/** One destination's preview. */
export interface DestinationPreview {
  to: string;
  displayName: string;
  preview?: PolicyPreview;
  error?: string;
}

/** What each recipient will see. */
export function PreviewPanel({
  previews,
  written,
  stale,
}: {
  previews: DestinationPreview[];
  written: unknown;
  stale: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('compose.previewHeading')}</h2>
      {stale ? (
        <p className="notice notice-warning" role="status">
          {t('compose.previewStale')}
        </p>
      ) : null}
      {previews.map((p) => (
        <article
          key={p.to}
          className={`preview-destination ${p.preview?.decision.effect === 'deny' ? 'is-denied' : ''}`}
          aria-labelledby={`preview-${p.to}`}
        >
          <h3 id={`preview-${p.to}`}>
            {p.displayName} <span className="muted">({p.to})</span>
          </h3>
          {p.error ? <p role="alert">{p.error}</p> : null}
          {p.preview ? (
            <>
              <p className={`decision decision-${p.preview.decision.effect}`}>
                {decisionHeadline(p.preview.decision, p.to)}
              </p>
              <p className="muted">
                {t('preview.policy', {
                  id: p.preview.decision.policy.id,
                  version: p.preview.decision.policy.version,
                })}
              </p>
              {p.preview.decision.effect === 'deny' ? (
                <ul className="reasons">
                  {p.preview.decision.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : (
                <>
                  {p.preview.decision.transformations.length > 0 ? (
                    <ul className="transformations">
                      {transformationsInWords(p.preview.decision).map((s) => (
                        <li key={s}>{s}</li>
                      ))}
                    </ul>
                  ) : null}
                  <BodyComparison written={written} received={p.preview.body} to={p.to} />
                </>
              )}
            </>
          ) : null}
        </article>
      ))}
    </section>
  );
}

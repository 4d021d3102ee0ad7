// After sending: per destination queued or denied with the reasons, and the way to the outbox.
import { useTranslation } from 'react-i18next';
import type { SubmitResult } from '../../api/types.js';
import { href } from '../../app/route.js';

/** The result of a submission. */
export function SendResults({
  results,
  onRestart,
}: {
  results: SubmitResult;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="sent-heading">
      <h1 id="sent-heading">{t('compose.sent')}</h1>
      <ul className="send-results">
        {results.results.map((r) => (
          <li key={r.messageId} className={`result-${r.status}`}>
            {r.status === 'queued' ? (
              <>
                {t('compose.queued', { to: r.to })}{' '}
                <a href={href('outbox', r.messageId)}>{t('compose.viewOutbox')}</a>
              </>
            ) : (
              t('compose.denied', { to: r.to, reasons: (r.reasons ?? []).join('; ') })
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="button-secondary" onClick={onRestart}>
        {t('compose.reset')}
      </button>
    </section>
  );
}

// A message's way to one destination: accepted → queued → sending (attempt n, next retry) → delivered (receipt) → answered.
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, MessageDetail } from '../api/types.js';
import { formatTime } from './format.js';

function entryWords(
  e: HistoryEntry,
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  const d = (e.detail ?? {}) as { attempt?: number };
  if (e.status === 'sending')
    return d.attempt
      ? t('timeline.sending', { attempt: d.attempt })
      : t('timeline.sendingNoAttempt');
  return t(`timeline.${e.status}`);
}

/** The status history of one message as a timeline. */
export function StatusTimeline({ detail }: { detail: MessageDetail }) {
  const { t } = useTranslation();
  const receipt = detail.receipt?.payload as { receivedAt?: string; digest?: string } | undefined;
  const last = detail.history.length - 1;
  return (
    <ol className="timeline" aria-label={t('outbox.timeline', { to: detail.summary.to })}>
      {detail.history.map((e, i) => {
        const d = (e.detail ?? {}) as { code?: string; nextRetryAt?: string; receivedAt?: string };
        const failed =
          e.status === 'failed' || e.status === 'rejected' || (e.status === 'queued' && d.code);
        return (
          <li
            key={`${i}-${e.status}`}
            className={`step step-${e.status} ${failed ? 'step-problem' : ''}`}
          >
            <span className="step-what">{entryWords(e, t)}</span>{' '}
            <time className="step-when" dateTime={e.at}>
              {formatTime(e.at)}
            </time>
            {e.status === 'queued' && d.code ? (
              <p className="step-detail">
                {t('timeline.reason', {
                  reason:
                    i === last || detail.summary.lastError?.code === d.code
                      ? `${detail.summary.lastError?.message ?? d.code} (${d.code})`
                      : d.code,
                })}
              </p>
            ) : null}
            {d.nextRetryAt ? (
              <p className="step-detail">
                {t('timeline.retry', { at: formatTime(d.nextRetryAt) })}
              </p>
            ) : null}
            {(e.status === 'failed' || e.status === 'rejected') && detail.summary.lastError ? (
              <p className="step-detail">
                {t('timeline.reason', {
                  reason: `${detail.summary.lastError.message} (${detail.summary.lastError.code})`,
                })}
              </p>
            ) : null}
            {e.status === 'delivered' && receipt ? (
              <p className="step-detail">
                {t('timeline.receipt', {
                  at: formatTime(receipt.receivedAt ?? d.receivedAt),
                  digest: receipt.digest ?? detail.digest ?? '—',
                })}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

// The banner on every page when something needs attention: certificates or directory expiring, dead letters, journal backlog.
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Attention, Readiness } from '../api/types.js';
import { useLive } from './use-live.js';

/** Shows what needs attention, most severe first, or nothing when all is well. */
export function AttentionBanner() {
  const { t } = useTranslation();
  const live = useLive((signal) => api<Attention>('GET', '/v1/attention', { signal }), [], 10_000);
  const items = live.data?.items ?? [];
  if (items.length === 0) return null;
  const critical = items.some((i) => i.severity === 'critical');
  return (
    <aside
      className={`attention ${critical ? 'attention-critical' : ''}`}
      aria-label={t('banner.heading')}
    >
      <strong>{t('banner.heading')}</strong>
      <ul>
        {items.map((i) => (
          <li key={`${i.code}-${i.message}`}>
            {i.code === 'dead-letters' ? <a href="#/admin">{i.message}</a> : i.message}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** Readiness answers 503 with the same document when the node is not ready. */
export async function readiness(signal?: AbortSignal): Promise<Readiness> {
  const res = await fetch('/v1/ready', {
    credentials: 'same-origin',
    ...(signal ? { signal } : {}),
  });
  return (await res.json()) as Readiness;
}

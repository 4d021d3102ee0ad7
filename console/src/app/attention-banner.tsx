// The banner on every page when something needs attention: readiness, dead letters.
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Session } from '../api/session.js';
import type { DeadLetterList, Readiness } from '../api/types.js';
import { useLive } from './use-live.js';
import { notReadyReasons } from './readiness-words.js';

interface Attention {
  notReady: string[];
  deadLetters: number | undefined;
}

/** Shows what needs attention, or nothing when all is well. */
export function AttentionBanner({ session }: { session: Session }) {
  const { t } = useTranslation();
  const isAdmin = session.roles.includes('admin');
  const live = useLive<Attention>(
    async (signal) => {
      const ready = await readiness(signal);
      const dead = isAdmin
        ? await api<DeadLetterList>('GET', '/v1/dead-letters', { query: { limit: 500 }, signal })
        : undefined;
      return {
        notReady: ready.ready ? [] : notReadyReasons(ready),
        deadLetters: dead?.items.length,
      };
    },
    [isAdmin],
    10_000,
  );
  const a = live.data;
  if (!a || (a.notReady.length === 0 && !a.deadLetters)) return null;
  return (
    <aside className="attention" aria-label={t('banner.heading')}>
      <strong>{t('banner.heading')}</strong>
      <ul>
        {a.notReady.map((r) => (
          <li key={r}>{t('banner.notReady', { reason: r })}</li>
        ))}
        {a.deadLetters ? (
          <li>
            <a href="#/admin">{t('banner.deadLetters', { count: a.deadLetters })}</a>
          </li>
        ) : null}
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

// Readiness of the node, each check with its state and, when red, the reason in words; the directory's sequence and next update.
import { useTranslation } from 'react-i18next';
import { useLive } from '../../app/use-live.js';
import { readiness } from '../../app/attention-banner.js';
import { notReadyReasons } from '../../app/readiness-words.js';
import { formatTime } from '../../components/format.js';

/** The readiness panel. */
export function ReadinessPanel() {
  const { t } = useTranslation();
  const live = useLive((signal) => readiness(signal), [], 5000);
  const r = live.data;
  const dir = r?.checks.directory as { sequence?: number; nextUpdate?: string } | undefined;
  return (
    <section className="panel" aria-labelledby="readiness-heading">
      <h2 id="readiness-heading">{t('admin.readiness')}</h2>
      {live.error ? <p role="alert">{live.error.message}</p> : null}
      {r ? (
        <>
          <p className={r.ready ? 'state-ok' : 'state-bad'}>
            {r.ready ? t('admin.ready') : t('admin.notReady')}
          </p>
          <ul className="checks">
            {(['redis', 'directory', 'audit'] as const).map((k) => {
              const ok = (r.checks[k] as { ok?: boolean }).ok !== false;
              return (
                <li key={k} className={ok ? 'state-ok' : 'state-bad'}>
                  {t('admin.check', { name: k, state: ok ? t('admin.ok') : t('admin.failing') })}
                </li>
              );
            })}
          </ul>
          {notReadyReasons(r).length > 0 ? (
            <ul className="reasons">
              {notReadyReasons(r).map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          ) : null}
          <h3>{t('admin.directory')}</h3>
          <p>
            {t('admin.sequence', { seq: dir?.sequence ?? '?' })} ·{' '}
            {t('admin.nextUpdate', { at: formatTime(dir?.nextUpdate) })}
          </p>
        </>
      ) : null}
    </section>
  );
}

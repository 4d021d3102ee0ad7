// The steps of a connection test to a peer: each passed, failed (with the reason in words) or not tried.
import { useTranslation } from 'react-i18next';
import type { ConnectionTest } from '../../api/types.js';
import { formatTime } from '../../components/format.js';

/** One connection test's outcome. */
export function ConnectionTestResult({ result }: { result: ConnectionTest }) {
  const { t } = useTranslation();
  return (
    <section
      className={`connection-test ${result.ok ? 'test-ok' : 'test-failed'}`}
      aria-label={t('admin.testResult', { peer: result.peer })}
      role="status"
    >
      <h3>
        {t('admin.testResult', { peer: result.peer })}:{' '}
        {result.ok ? t('admin.stepOk') : t('admin.stepFailed')}
      </h3>
      <p className="muted">
        {result.endpoint} · {formatTime(result.startedAt)} · {Math.round(result.durationMs)} ms
      </p>
      <ol className="steps">
        {result.steps.map((s) => (
          <li key={s.step} className={`step-${s.status}`}>
            <strong>{s.title}</strong>:{' '}
            {s.status === 'ok'
              ? t('admin.stepOk')
              : s.status === 'failed'
                ? t('admin.stepFailed')
                : t('admin.stepSkipped')}
            {s.status !== 'skipped' ? <> — {s.message}</> : null}
            {s.code ? <span className="muted"> ({s.code})</span> : null}
            {s.checks ? (
              <ul>
                {s.checks.map((c) => (
                  <li key={c.check} className={c.ok ? 'state-ok' : 'state-bad'}>
                    {c.check}: {c.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

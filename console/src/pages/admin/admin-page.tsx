// Operations: readiness with the reason of each red item, peers and connection tests, dead letters, the node's certificates.
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/pages.js';
import { ReadinessPanel } from './readiness-panel.js';
import { PeersPanel } from './peers-panel.js';
import { DeadLettersPanel } from './dead-letters-panel.js';
import { CertificatesPanel } from './certificates-panel.js';

/** `#/admin`. */
export default function AdminPage(_props: PageProps) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('admin.heading')}</h1>
      <PeersPanel />
      <DeadLettersPanel />
      <ReadinessPanel />
      <CertificatesPanel />
    </>
  );
}

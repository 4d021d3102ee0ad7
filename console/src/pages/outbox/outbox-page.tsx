// Outbox: what this node sent, per destination, with each message's status timeline.
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/pages.js';
import { MessageList } from '../../components/message-list.js';
import { MessageView } from '../../components/message-view.js';

/** `#/outbox` (the list) or `#/outbox/<id>` (one message). */
export default function OutboxPage({ route }: PageProps) {
  const { t } = useTranslation();
  const id = route.args[0];
  if (id) return <MessageView box="out" id={id} />;
  return (
    <>
      <h1>{t('outbox.heading')}</h1>
      <MessageList box="out" page="outbox" />
    </>
  );
}

// Inbox: what this node received, with filters and paging; a message with its handling banner and the answer button.
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/pages.js';
import { MessageList } from '../../components/message-list.js';
import { MessageView } from '../../components/message-view.js';

/** `#/inbox` (the list) or `#/inbox/<id>` (one message). */
export default function InboxPage({ route }: PageProps) {
  const { t } = useTranslation();
  const id = route.args[0];
  if (id) return <MessageView box="in" id={id} />;
  return (
    <>
      <h1>{t('inbox.heading')}</h1>
      <MessageList box="in" page="inbox" />
    </>
  );
}

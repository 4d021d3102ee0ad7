// Operational log lines for the node's events: ids, peers and codes only, never bodies or receipts.
import type { Logger } from '../lib/logger.js';
import type { NodeEvents } from '../service/node-events.js';

/** Logs what operators need to follow traffic; a dead letter is an error-level alert. */
export function logEvents(events: NodeEvents, log: Logger): void {
  events.on('submitted', (e) =>
    log.info(
      { messageId: e.messageId, to: e.to, type: e.type, actor: e.actor.sub },
      'message queued',
    ),
  );
  events.on('decision', (e) => {
    if (e.policy.effect === 'deny') {
      log.info(
        {
          messageId: e.messageId,
          direction: e.direction,
          from: e.from,
          to: e.to,
          rules: e.rules,
          reasons: e.reasons,
        },
        'policy denied message',
      );
    }
  });
  events.on('attempt', (e) => {
    if (e.outcome !== 'delivered')
      log.warn(
        { messageId: e.messageId, to: e.to, attempt: e.attempt, outcome: e.outcome, code: e.code },
        'delivery attempt did not deliver',
      );
  });
  events.on('delivered', (e) =>
    log.info({ messageId: e.messageId, to: e.to, attempt: e.attempt }, 'message delivered'),
  );
  events.on('rejected', (e) =>
    log.warn(
      { messageId: e.messageId, to: e.to, code: e.code, reason: e.message },
      'peer rejected message',
    ),
  );
  events.on('dead-letter', (e) =>
    log.error(
      { messageId: e.messageId, to: e.to, code: e.code, reason: e.message, alert: 'dead-letter' },
      'message failed for good (dead letter)',
    ),
  );
  events.on('received', (e) =>
    log.info(
      { messageId: e.messageId, from: e.from, type: e.type, duplicate: e.duplicate },
      e.duplicate ? 'redelivery answered with the original receipt' : 'message received',
    ),
  );
  events.on('receive-rejected', (e) =>
    log.warn(
      { messageId: e.messageId, from: e.from, code: e.code, reason: e.message },
      'envelope refused',
    ),
  );
  events.on('peer-refused', (e) =>
    log.warn(
      {
        code: e.code,
        reason: e.message,
        remoteAddress: e.remoteAddress,
        fingerprint: e.fingerprint,
        subject: e.subject,
        issuer: e.issuer,
      },
      'peer API request refused for its TLS identity',
    ),
  );
  // Counted in ffx_peer_connections_refused_total; a line each would flood the log under attack.
  events.on('peer-connection-refused', (e) =>
    log.debug({ reason: e.reason, remoteAddress: e.remoteAddress }, 'peer API connection closed'),
  );
  events.on('policy-change', (e) =>
    log.info(
      { actor: e.actor.sub, action: e.action, policyId: e.policyId, version: e.version },
      'policy changed',
    ),
  );
}

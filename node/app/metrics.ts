// Prometheus metrics of one node process (prom-client), fed by the node's events.
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { NodeEvents } from '../service/node-events.js';

/** The node's metrics, on a registry of their own (several nodes may run in one test process). */
export class NodeMetrics {
  readonly registry = new Registry();
  readonly submitted = new Counter({
    name: 'ffx_messages_submitted_total',
    help: 'Messages accepted for delivery, by destination and type',
    labelNames: ['to', 'type'],
    registers: [this.registry],
  });
  readonly denied = new Counter({
    name: 'ffx_messages_denied_total',
    help: 'Outbound messages denied by the sharing policy',
    labelNames: ['to'],
    registers: [this.registry],
  });
  readonly attempts = new Counter({
    name: 'ffx_delivery_attempts_total',
    help: 'Delivery attempts by peer and outcome',
    labelNames: ['to', 'outcome'],
    registers: [this.registry],
  });
  readonly delivered = new Counter({
    name: 'ffx_messages_delivered_total',
    help: 'Messages delivered with a verified receipt',
    labelNames: ['to'],
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: 'ffx_messages_rejected_total',
    help: 'Messages the peer rejected for good',
    labelNames: ['to', 'code'],
    registers: [this.registry],
  });
  readonly deadLetters = new Counter({
    name: 'ffx_dead_letters_total',
    help: 'Messages whose delivery failed for good (alert on any increase)',
    labelNames: ['to', 'code'],
    registers: [this.registry],
  });
  readonly received = new Counter({
    name: 'ffx_messages_received_total',
    help: 'Envelopes received and stored (duplicates counted apart)',
    labelNames: ['from', 'type', 'duplicate'],
    registers: [this.registry],
  });
  readonly receiveRejected = new Counter({
    name: 'ffx_receive_rejected_total',
    help: 'Envelopes refused by the receiver, by error code',
    labelNames: ['code'],
    registers: [this.registry],
  });
  readonly workerErrors = new Counter({
    name: 'ffx_delivery_worker_errors_total',
    help: 'Errors of the delivery workers themselves (a lost Redis connection), per peer queue',
    labelNames: ['to'],
    registers: [this.registry],
  });
  readonly peerRefused = new Counter({
    name: 'ffx_peer_refused_total',
    help: 'Peer API requests refused for their TLS identity, by error code',
    labelNames: ['code'],
    registers: [this.registry],
  });
  readonly peerConnectionsRefused = new Counter({
    name: 'ffx_peer_connections_refused_total',
    help: 'Peer API connections closed by a cap or a timeout, or failed at their TLS handshake, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly oldestPending = new Gauge({
    name: 'ffx_oldest_pending_seconds',
    help: 'Age of the oldest message still pending per peer',
    labelNames: ['to'],
    registers: [this.registry],
  });
  readonly auditBacklog = new Gauge({
    name: 'ffx_audit_backlog_entries',
    help: 'Audit entries waiting because the journal cannot be written',
    registers: [this.registry],
  });
  readonly directorySequence = new Gauge({
    name: 'ffx_directory_sequence',
    help: 'Sequence number of the federation directory in force',
    registers: [this.registry],
  });

  constructor(nodeId: string) {
    this.registry.setDefaultLabels({ node: nodeId });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts what the node's events report. */
  observe(events: NodeEvents): void {
    events.on('submitted', (e) => this.submitted.inc({ to: e.to, type: e.type }));
    events.on('decision', (e) => {
      if (e.direction === 'outbound' && e.policy.effect === 'deny') this.denied.inc({ to: e.to });
    });
    events.on('attempt', (e) => this.attempts.inc({ to: e.to, outcome: e.outcome }));
    events.on('delivered', (e) => this.delivered.inc({ to: e.to }));
    events.on('rejected', (e) => this.rejected.inc({ to: e.to, code: e.code }));
    events.on('dead-letter', (e) => this.deadLetters.inc({ to: e.to, code: e.code }));
    events.on('received', (e) =>
      this.received.inc({ from: e.from, type: e.type, duplicate: String(e.duplicate) }),
    );
    events.on('receive-rejected', (e) => this.receiveRejected.inc({ code: e.code }));
    events.on('peer-refused', (e) => this.peerRefused.inc({ code: e.code }));
    events.on('peer-connection-refused', (e) =>
      this.peerConnectionsRefused.inc({ reason: e.reason }),
    );
  }
}

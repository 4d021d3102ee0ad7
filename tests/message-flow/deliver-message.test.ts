// Delivering with the node's parts on real Redis, a fixed clock and a real peer API over mutual TLS: every claim outcome and answer kind.
import { expect } from 'chai';
import { createServer as createTlsServer, type Server } from 'node:https';
import { UnrecoverableError } from 'bullmq';
import { createDeliveryProcessor } from '../../node/message-flow/deliver-message.js';
import { submitMessage } from '../../node/message-flow/submit-message.js';
import {
  admit,
  receiveEnvelope,
  type ReceiveDeps,
} from '../../node/message-flow/receive-envelope.js';
import { createPeerServer } from '../../node/http/peer-server.js';
import { PeerClient } from '../../node/delivery/peer-client.js';
import { storyTraceRequest } from '../../node/dev/demo-story.js';
import { testPki, type TestPki } from '../fixtures/pki.js';
import { nodeParts, type NodeParts } from '../fixtures/node-parts.js';

const listen = (s: Server, port: number) =>
  new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve());
  });
const close = (s: Server) =>
  new Promise<void>((r) => {
    s.close(() => r());
    s.closeAllConnections();
  });

describe('deliverMessage (the delivery processor)', function () {
  this.timeout(90_000);
  const at = new Date();
  let clock = at;
  const now = () => clock;
  const actor = { sub: 'arta.hoxha', role: 'analyst' };
  let pki: TestPki;
  let al: NodeParts;
  let rs: NodeParts;
  let client: PeerClient;
  let deliver: ReturnType<typeof createDeliveryProcessor>;

  before(async () => {
    pki = await testPki();
    al = await nodeParts('AL', 'deliver-al', now);
    rs = await nodeParts('RS', 'deliver-rs', now);
    client = new PeerClient(al.trust, { maxSocketsPerPeer: 2 });
    deliver = createDeliveryProcessor({
      store: al.store,
      trust: al.trust,
      client,
      events: al.events,
      attemptTimeoutMs: 5000,
      now,
    });
  });
  after(async () => {
    client.close();
    await al.close();
    await rs.close();
  });
  beforeEach(() => {
    clock = at;
    al.emitted.splice(0);
  });

  /** Submits the story's trace request to RS and returns its id and delivery job. */
  async function queued() {
    const { results } = await submitMessage(
      {
        store: al.store,
        trust: al.trust,
        queues: al.queues,
        policy: al.policy,
        events: al.events,
        defaultTtlSeconds: 3600,
        retentionDays: 30,
        now,
      },
      actor,
      storyTraceRequest(),
    );
    const id = results[0]!.messageId;
    const job = (await al.queues.queue('RS').getJob(id))!;
    al.emitted.splice(0);
    return { id, job };
  }

  /** RS's real peer API, on the port the directory lists for it. */
  async function rsPeer(): Promise<Server> {
    const receiving: ReceiveDeps = {
      store: rs.store,
      trust: rs.trust,
      events: rs.events,
      inbound: rs.policy,
      maxEnvelopeBytes: rs.config.peerApi.maxEnvelopeBytes,
      clockSkewSeconds: 300,
      retentionDays: 30,
      rateLimit: { max: 1000, windowSeconds: 60 },
      prefix: rs.config.redis.prefix,
      now,
    };
    const server = createPeerServer({
      trust: rs.trust,
      events: rs.events,
      nodeId: 'RS',
      maxEnvelopeBytes: rs.config.peerApi.maxEnvelopeBytes,
      limits: rs.config.peerApi,
      now,
      receive: (bytes, peer) => receiveEnvelope(receiving, bytes, peer),
      count: (peer) => admit(receiving, peer, undefined),
    });
    await listen(server, pki.peerPorts.RS!);
    return server;
  }

  it('delivers a claimed message, keeps its receipt, and does nothing for it once it is gone', async () => {
    const server = await rsPeer();
    try {
      const { id, job } = await queued();
      await deliver('RS', job);
      const m = (await al.store.get('out', id))!;
      expect(m.status).to.equal('delivered');
      expect(m.attempts).to.equal(1);
      expect(m.receipt).to.equal((await rs.store.get('in', id))!.receipt);
      expect(al.emitted.map((e) => e.name)).to.deep.equal(['attempt', 'delivered']);
      expect(al.emitted[0]!.payload).to.deep.include({ attempt: 1, outcome: 'delivered' });

      al.emitted.splice(0);
      await deliver('RS', job);
      expect((await al.store.get('out', id))!.attempts).to.equal(1);
      expect(al.emitted).to.deep.equal([]);
    } finally {
      await close(server);
    }
  });

  it('dead-letters a message whose lifetime ended before it could be delivered', async () => {
    const { id, job } = await queued();
    clock = new Date(at.getTime() + 3601_000);
    const err = await deliver('RS', job).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(UnrecoverableError);
    const m = (await al.store.get('out', id))!;
    expect(m.status).to.equal('failed');
    expect(m.lastError).to.deep.include({ code: 'FFX-EXPIRED' });
    expect(al.emitted.map((e) => e.name)).to.deep.equal(['dead-letter']);
  });

  it('puts the message back for a retry when the peer does not answer', async () => {
    const { id, job } = await queued();
    const err = await deliver('RS', job).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).to.match(/^FFX-UNAVAILABLE/);
    const m = (await al.store.get('out', id))!;
    expect(m.status).to.equal('queued');
    expect(m.attempts).to.equal(1);
    expect(m.lastError).to.deep.include({ code: 'FFX-UNAVAILABLE' });
  });

  it('retries a 5xx whose code is not a catalogue code (an inherited name such as toString included), and ends on a 4xx one', async () => {
    const rsTls = pki.members.RS!.tls;
    let answer = { status: 503, code: 'toString' };
    const server = createTlsServer(
      { key: rsTls.keyPem, cert: rsTls.certPem, requestCert: true, rejectUnauthorized: false },
      (req, res) => {
        req.resume();
        req.on('end', () => {
          res.writeHead(answer.status, { 'content-type': 'application/problem+json' });
          res.end(JSON.stringify({ code: answer.code, title: 'test peer', status: answer.status }));
        });
      },
    );
    await listen(server, pki.peerPorts.RS!);
    try {
      const first = await queued();
      const err = await deliver('RS', first.job).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(err?.message).to.match(/^toString/);
      expect((await al.store.get('out', first.id))!.status).to.equal('queued');

      answer = { status: 400, code: 'constructor' };
      const second = await queued();
      await deliver('RS', second.job);
      const m = (await al.store.get('out', second.id))!;
      expect(m.status).to.equal('rejected');
      expect(m.lastError).to.deep.include({ code: 'constructor' });
      expect(al.emitted.map((e) => e.name)).to.deep.equal(['attempt', 'rejected']);
    } finally {
      await close(server);
    }
  });
});

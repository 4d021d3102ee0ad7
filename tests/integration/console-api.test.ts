// The local API routes of the console against real node processes: directory, preview, peers, connection test, node status, live updates, filters, threads.
import { expect } from 'chai';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { v7 as uuidv7 } from 'uuid';
import { mintDevToken } from '../../node/http/auth/dev-token.js';
import { STORY_BODIES, storyTraceRequest } from '../../node/dev/demo-story.js';
import { freePort } from '../../node/dev/private-redis.js';
import { eventually, testFederation } from '../fixtures/federation.js';
import { redisUrl } from '../fixtures/redis.js';
import type { DevFederationRunner } from '../../node/dev/dev-federation-runner.js';
import type { TestPki } from '../fixtures/pki.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];
type Answer<T> = { status: number; body: T; headers: Headers };

/** Calls the local API at `base` with a bearer token. */
async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<Answer<T>> {
  const res = await fetch(new URL(path, base), {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text && (res.headers.get('content-type') ?? '').includes('json')
      ? JSON.parse(text)
      : text) as T,
    headers: res.headers,
  };
}

/** One server-sent event as read off the wire. */
interface SseEvent {
  event: string;
  data: string;
}

/** An open event stream: the events and comments read so far, and a way to close it. */
interface Stream {
  events: SseEvent[];
  comments: string[];
  status: number;
  close: () => void;
}

async function openStream(base: string, token: string): Promise<Stream> {
  const ctrl = new AbortController();
  const res = await fetch(new URL('/v1/events', base), {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: ctrl.signal,
  });
  const stream: Stream = {
    events: [],
    comments: [],
    status: res.status,
    close: () => ctrl.abort(),
  };
  if (res.status !== 200 || !res.body) return stream;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) stream.comments.push(line.slice(1).trim());
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length > 0) stream.events.push({ event, data: data.join('\n') });
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return stream;
}

const changes = (s: Stream) => s.events.map((e) => JSON.parse(e.data) as Schemas['MessageChange']);

describe('console API routes (real node processes)', function () {
  this.timeout(180_000);
  let fed: DevFederationRunner;
  let pki: TestPki;
  let stateDir: string;
  let al: string;
  let rs: string;
  const tokens: Record<string, string> = {};

  before(async () => {
    ({ fed, pki, stateDir } = await testFederation('console-api'));
    al = (await fed.start('AL')).ready.localApi;
    rs = (await fed.start('RS')).ready.localApi;
    for (const role of ['analyst', 'compliance-officer', 'auditor', 'admin'])
      tokens[role] = await mintDevToken({
        pkiDir: pki.out,
        sub: `t.${role}`,
        roles: [role],
        ttlSeconds: 900,
      });
  });

  after(async () => {
    await fed.stopAll();
  });

  afterEach(async function () {
    // A node that died under a test says why.
    if (this.currentTest?.state !== 'failed') return;
    const log = await readFile(join(stateDir, 'AL', 'node-main.log'), 'utf8').catch(() => '');
    console.log('AL log tail:', log.split('\n').slice(-5).join('\n'));
    if (fed.nodes.has('AL'))
      console.log('AL running:', fed.process('AL').running, 'stderr:', fed.process('AL').stderr);
  });

  describe('getDirectory', () => {
    it('lists every member with display name, kind and groups, the groups and the validity', async () => {
      const r = await call<Schemas['Directory']>(al, 'GET', '/v1/directory', tokens.analyst);
      expect(r.status).to.equal(200);
      expect(r.body.nodeId).to.equal('AL');
      expect(r.body.sequence).to.equal(pki.directory.sequence);
      expect(r.body.nextUpdate).to.equal(pki.directory.nextUpdate);
      expect(r.body.stale).to.equal(false);
      const rsEntry = r.body.members.find((m) => m.id === 'RS');
      expect(rsEntry).to.deep.equal({
        id: 'RS',
        name: 'Serbia — Firearms Focal Point',
        kind: 'ffp-node',
        groups: ['WB6'],
      });
      expect(r.body.members.find((m) => m.id === 'EU-DE')?.kind).to.equal('eu-counterpart');
      const eu = r.body.groups.find((g) => g.id === 'EU');
      expect(eu?.members).to.deep.equal(['EU-DE', 'EU-EUROPOL']);
      expect(r.body.groups.find((g) => g.id === 'WB6')?.members).to.include.members(['AL', 'RS']);
      expect((await call(al, 'GET', '/v1/directory', tokens.admin)).status).to.equal(200);
    });

    it('refuses a role without access (403) and a missing token (401)', async () => {
      const r = await call<Schemas['Problem']>(al, 'GET', '/v1/directory', tokens.auditor);
      expect(r.status).to.equal(403);
      expect(r.body.code).to.equal('NODE-FORBIDDEN');
      expect((await call(al, 'GET', '/v1/directory', undefined)).status).to.equal(401);
    });
  });

  describe('previewMessage', () => {
    const draft = () => ({ ...storyTraceRequest(), to: ['RS', 'MD', 'EU-DE'] });

    it('per destination: generalised with its rule and pointer, or denied with the reason in words', async () => {
      const r = await call<Schemas['MessagePreview']>(
        al,
        'POST',
        '/v1/messages/preview',
        tokens.analyst,
        draft(),
      );
      expect(r.status).to.equal(200);
      expect(r.body.results.map((x) => x.to)).to.deep.equal(['RS', 'MD', 'EU-DE']);
      const [toRs, , toEu] = r.body.results;
      expect(toRs!.outcome).to.equal('allowed-with-changes');
      expect(toRs!.name).to.equal('Serbia — Firearms Focal Point');
      const dob = toRs!.transformations.find((t) => t.pointer === '/possessor/dateOfBirth');
      expect(dob).to.include({
        ruleId: 'regional-trace-requests',
        action: 'generalise',
        to: 'year',
      });
      expect(dob!.description).to.equal(
        '/possessor/dateOfBirth is generalised to the year (rule regional-trace-requests)',
      );
      const possessor = (toRs!.body as { possessor: Record<string, unknown> }).possessor;
      expect(possessor.dateOfBirth).to.equal('1991');
      expect(toRs!.handling).to.include({ code: 'H1', purpose: 'criminal-investigation' });
      expect(toEu!.outcome).to.equal('denied');
      expect(toEu!.body).to.equal(null);
      expect(toEu!.reasons).to.have.length(1);
      expect(toEu!.reasons[0]).to.match(
        /^EU counterparts receive data only under a named EU instrument or operational agreement/,
      );
      expect(toEu!.summary).to.match(/^Germany — National Firearms Focal Point will not receive/);
    });

    it('shows exactly the body the recipient then receives, and stores nothing', async () => {
      const before = await call<Schemas['MessageList']>(
        al,
        'GET',
        '/v1/outbox?limit=500',
        tokens.analyst,
      );
      const req = { ...storyTraceRequest(), correlationId: `preview-${uuidv7()}` };
      const preview = await call<Schemas['MessagePreview']>(
        al,
        'POST',
        '/v1/messages/preview',
        tokens.analyst,
        req,
      );
      expect(preview.status).to.equal(200);
      const after = await call<Schemas['MessageList']>(
        al,
        'GET',
        '/v1/outbox?limit=500',
        tokens.analyst,
      );
      expect(after.body.items.length).to.equal(before.body.items.length);

      const sent = await call<Schemas['SubmitResult']>(
        al,
        'POST',
        '/v1/messages',
        tokens.analyst,
        req,
      );
      const id = sent.body.results[0]!.messageId;
      const received = await eventually('the request in RS inbox', async () => {
        const m = await call<Schemas['MessageDetail']>(
          rs,
          'GET',
          `/v1/inbox/${id}`,
          tokens.analyst,
        );
        return m.status === 200 ? m.body : undefined;
      });
      expect((received.message as { body: unknown }).body).to.deep.equal(
        preview.body.results[0]!.body,
      );
      expect(sent.body.results[0]!.decision!.decisionHash).to.equal(
        preview.body.results[0]!.decision.decisionHash,
      );
      // Nor journaled: the journal's decisions are those of messages that were submitted.
      const decisions = async () =>
        (
          await call<Schemas['AuditPage']>(
            al,
            'GET',
            '/v1/audit?type=decision&limit=500',
            tokens.auditor,
          )
        ).body.entries.length;
      const journaled = await eventually('the submission journaled', async () => {
        const n = await decisions();
        return n > 0 ? n : undefined;
      });
      await call(al, 'POST', '/v1/messages/preview', tokens.analyst, req);
      await new Promise((r) => setTimeout(r, 300));
      expect(await decisions()).to.equal(journaled);
    });

    it('refuses what submit refuses, with the field pointer, and changes nothing', async () => {
      const bad = { ...draft(), body: { ...STORY_BODIES.traceRequest, priority: 'whenever' } };
      const r = await call<Schemas['Problem']>(
        al,
        'POST',
        '/v1/messages/preview',
        tokens.analyst,
        bad,
      );
      expect(r.status).to.equal(400);
      expect(r.body.errors?.map((p) => p.pointer)).to.include('/body/priority');

      const unknown = await call<Schemas['Problem']>(
        al,
        'POST',
        '/v1/messages/preview',
        tokens.analyst,
        {
          ...draft(),
          to: ['RS', 'ZZ'],
        },
      );
      expect(unknown.status).to.equal(400);
      expect(unknown.body.errors).to.deep.equal([
        { pointer: '/to/1', message: 'ZZ is not a member of the federation' },
      ]);
      const self = await call<Schemas['Problem']>(
        al,
        'POST',
        '/v1/messages/preview',
        tokens.analyst,
        {
          ...draft(),
          to: ['AL'],
        },
      );
      expect(self.status).to.equal(400);
      expect(self.body.errors?.[0]?.pointer).to.equal('/to/0');

      const shape = await call<Schemas['Problem']>(
        al,
        'POST',
        '/v1/messages/preview',
        tokens.analyst,
        {
          type: 'trace-request',
          to: 'RS',
        },
      );
      expect(shape.status).to.equal(400);
      expect(shape.body.errors?.map((p) => p.pointer)).to.include('/to');
    });

    it('is for analysts only (403 for a compliance officer)', async () => {
      const r = await call(
        al,
        'POST',
        '/v1/messages/preview',
        tokens['compliance-officer'],
        draft(),
      );
      expect(r.status).to.equal(403);
    });
  });

  describe('listPeers', () => {
    it('shows every peer with directory entry, certificate expiry, last delivery and queue', async () => {
      const sent = await call<Schemas['SubmitResult']>(
        al,
        'POST',
        '/v1/messages',
        tokens.analyst,
        storyTraceRequest(),
      );
      expect(sent.status, JSON.stringify(sent.body)).to.equal(202);
      const id = sent.body.results[0]!.messageId;
      await eventually('delivered', async () => {
        const m = await call<Schemas['MessageDetail']>(
          al,
          'GET',
          `/v1/outbox/${id}`,
          tokens.analyst,
        );
        return m.body.summary.status === 'delivered';
      });
      const r = await call<Schemas['PeerList']>(al, 'GET', '/v1/peers', tokens.admin);
      expect(r.status).to.equal(200);
      expect(r.body.items.map((p) => p.id)).to.not.include('AL');
      const peer = r.body.items.find((p) => p.id === 'RS')!;
      expect(peer).to.include({ name: 'Serbia — Firearms Focal Point', kind: 'ffp-node' });
      expect(peer.endpoint).to.equal(`https://localhost:${pki.peerPorts.RS}`);
      expect(peer.certificates.map((c) => c.use)).to.include.members(['sig', 'enc', 'tls']);
      for (const c of peer.certificates) {
        expect(c.daysLeft).to.be.within(360, 366);
        expect(c.expiringSoon).to.equal(false);
      }
      expect(peer.warnings).to.deep.equal([]);
      expect(Date.parse(peer.lastDeliveredAt!)).to.be.within(Date.now() - 60_000, Date.now());
      expect(peer.pending).to.equal(0);
      expect(peer.oldestPendingSeconds).to.equal(null);
      const never = r.body.items.find((p) => p.id === 'ME')!;
      expect(never.lastDeliveredAt).to.equal(null);
    });

    it('counts what waits for a peer that is down, with the age of the oldest', async () => {
      const sent = await call<Schemas['SubmitResult']>(al, 'POST', '/v1/messages', tokens.analyst, {
        ...storyTraceRequest(),
        to: ['MD'],
      });
      expect(sent.body.results[0]!.status).to.equal('queued');
      await new Promise((r) => setTimeout(r, 1100));
      const r = await call<Schemas['PeerList']>(al, 'GET', '/v1/peers', tokens.admin);
      const md = r.body.items.find((p) => p.id === 'MD')!;
      expect(md.pending).to.be.at.least(1);
      expect(md.oldestPendingSeconds).to.be.at.least(1);
    });

    it('is for admins only (403 for an analyst)', async () => {
      expect((await call(al, 'GET', '/v1/peers', tokens.analyst)).status).to.equal(403);
    });
  });

  describe('testPeerConnection', () => {
    const test = (peer: string, token = tokens.admin) =>
      call<Schemas['ConnectionTest']>(al, 'POST', `/v1/peers/${peer}/connection-test`, token);

    it('passes every step to a running peer', async () => {
      const r = await test('RS');
      expect(r.status).to.equal(200);
      expect(r.body.ok, JSON.stringify(r.body.steps)).to.equal(true);
      expect(r.body.steps.map((s) => [s.step, s.status])).to.deep.equal([
        ['dns', 'ok'],
        ['tcp', 'ok'],
        ['tls', 'ok'],
        ['certificate', 'ok'],
        ['health', 'ok'],
      ]);
      const cert = r.body.steps.find((s) => s.step === 'certificate')!;
      expect(cert.checks!.map((c) => [c.check, c.ok])).to.deep.equal([
        ['chain', true],
        ['usage', true],
        ['validity', true],
        ['revocation', true],
        ['binding', true],
      ]);
      expect(r.body.steps.find((s) => s.step === 'health')!.message).to.match(/answered 200/);
    });

    it('names the TCP step for a stopped peer, skips the rest, and answers 200', async () => {
      const r = await test('MD');
      expect(r.status).to.equal(200);
      expect(r.body.ok).to.equal(false);
      expect(r.body.failedStep).to.equal('tcp');
      const tcp = r.body.steps.find((s) => s.step === 'tcp')!;
      expect(tcp.code).to.equal('ECONNREFUSED');
      expect(tcp.message).to.match(/connection refused.*MD's node is not running/);
      expect(r.body.steps.filter((s) => s.status === 'skipped').map((s) => s.step)).to.deep.equal([
        'tls',
        'certificate',
        'health',
      ]);
    });

    it('names the binding check when a server presents another member’s certificate', async () => {
      const server: TlsServer = createTlsServer({
        key: pki.members.RS!.tls.keyPem,
        cert: pki.members.RS!.tls.certPem,
      });
      server.on('secureConnection', (s) => s.end());
      server.on('tlsClientError', () => undefined);
      server.listen(pki.peerPorts.MD, '127.0.0.1');
      await once(server, 'listening');
      try {
        const r = await test('MD');
        expect(r.body.failedStep).to.equal('certificate');
        const step = r.body.steps.find((s) => s.step === 'certificate')!;
        expect(step.code).to.equal('FFX-CERT-BINDING');
        expect(step.checks!.filter((c) => !c.ok)).to.deep.equal([
          {
            check: 'binding',
            ok: false,
            message: 'the directory lists this certificate for RS, not for MD',
          },
        ]);
        expect(r.body.steps.find((s) => s.step === 'health')!.status).to.equal('skipped');
      } finally {
        server.close();
      }
    });

    it('ends a step that never completes within the delivery attempt timeout', async () => {
      const held: Socket[] = [];
      const server: TcpServer = createTcpServer((s) => held.push(s));
      server.listen(pki.peerPorts.MD, '127.0.0.1');
      await once(server, 'listening');
      try {
        const t0 = Date.now();
        const r = await test('MD');
        expect(Date.now() - t0).to.be.below(8000);
        expect(r.body.failedStep).to.equal('tls');
        const tls = r.body.steps.find((s) => s.step === 'tls')!;
        expect(tls.code).to.equal('ETIMEDOUT');
        expect(tls.durationMs).to.be.within(3000, 5500);
      } finally {
        for (const s of held) s.destroy();
        server.close();
      }
    });

    it('refuses an unknown member (404), a malformed id (400 with the pointer), itself (400), an analyst (403)', async () => {
      const unknown = await test('ZZ');
      expect(unknown.status).to.equal(404);
      expect((unknown.body as unknown as Schemas['Problem']).code).to.equal('NODE-NOT-FOUND');
      const malformed = await test('rs');
      expect(malformed.status).to.equal(400);
      expect(
        (malformed.body as unknown as Schemas['Problem']).errors?.map((p) => p.pointer),
      ).to.deep.equal(['/path/peer']);
      expect((await test('AL')).status).to.equal(400);
      expect((await test('RS', tokens.analyst)).status).to.equal(403);
    });
  });

  describe('getNodeCertificates and getAttention', () => {
    it('lists the node’s sig, enc and tls certificates with expiry, each listed in the directory', async () => {
      const r = await call<Schemas['NodeCertificates']>(
        al,
        'GET',
        '/v1/node/certificates',
        tokens.admin,
      );
      expect(r.status).to.equal(200);
      expect(r.body.nodeId).to.equal('AL');
      expect(r.body.certificates.map((c) => c.use)).to.include.members(['sig', 'enc', 'tls']);
      for (const c of r.body.certificates) {
        expect(c).to.include({ state: 'valid', expiringSoon: false, listed: true });
        expect(c.subject).to.be.a('string').and.match(/AL/);
      }
      expect((await call(al, 'GET', '/v1/node/certificates', tokens.analyst)).status).to.equal(403);
    });

    it('answers every role with the items needing attention (a fresh node: none but the queue for a down peer)', async () => {
      for (const role of ['analyst', 'compliance-officer', 'auditor', 'admin']) {
        const r = await call<Schemas['Attention']>(al, 'GET', '/v1/attention', tokens[role]);
        expect(r.status).to.equal(200);
        expect(r.body.items.filter((i) => i.code !== 'dead-letters')).to.deep.equal([]);
      }
      expect((await call(al, 'GET', '/v1/attention', undefined)).status).to.equal(401);
    });
  });

  describe('streamEvents', () => {
    it('streams created, status, delivered and answered across node processes, by role', async () => {
      const second = await fed.start('AL', 'second', { peerPort: await freePort() });
      const alStream = await openStream(second.ready.localApi, tokens.analyst);
      const adminStream = await openStream(al, tokens.admin);
      const rsStream = await openStream(rs, tokens.analyst);
      try {
        expect(alStream.status).to.equal(200);
        expect(alStream.comments).to.satisfy((c: string[]) => c.length >= 0);
        const sent = await call<Schemas['SubmitResult']>(
          al,
          'POST',
          '/v1/messages',
          tokens.analyst,
          storyTraceRequest(),
        );
        const id = sent.body.results[0]!.messageId;
        await eventually('delivered on the second process', async () =>
          changes(alStream).some((c) => c.id === id && c.change === 'delivered'),
        );
        const mine = changes(alStream).filter((c) => c.id === id);
        expect(mine[0]).to.include({
          change: 'created',
          box: 'out',
          type: 'trace-request',
          peer: 'RS',
        });
        expect(mine.map((c) => c.change)).to.include('status');
        const inbound = await eventually('received at RS', async () =>
          changes(rsStream).find((c) => c.id === id && c.box === 'in'),
        );
        expect(inbound).to.include({ change: 'created', status: 'received', peer: 'AL' });

        await call(rs, 'POST', `/v1/inbox/${id}/reply`, tokens.analyst, {
          handling: { code: 'H1', purpose: 'criminal-investigation' },
          body: { ...STORY_BODIES.traceResponse },
        });
        await eventually('answered at RS', async () =>
          changes(rsStream).some((c) => c.id === id && c.change === 'answered'),
        );
        await eventually('the reply arrives at AL', async () =>
          changes(alStream).some((c) => c.box === 'in' && c.peer === 'RS'),
        );
        await eventually('the admin sees the outbox', async () =>
          changes(adminStream).some((c) => c.id === id && c.change === 'delivered'),
        );
        expect(changes(adminStream).every((c) => c.box === 'out')).to.equal(true);
        expect(alStream.comments.join(' ')).to.match(/live updates/);
      } finally {
        alStream.close();
        adminStream.close();
        rsStream.close();
      }
    });

    it('closes its Redis subscription when the last client goes away', async () => {
      const redis = new Redis(redisUrl);
      try {
        const subscribers = async () =>
          String(await redis.client('LIST'))
            .split('\n')
            .filter((l: string) => / name=ffx-AL-main-events /.test(l)).length;
        const s = await openStream(al, tokens.analyst);
        expect(s.status).to.equal(200);
        await eventually('a subscriber', async () => (await subscribers()) === 1, 5000);
        s.close();
        await eventually('no subscriber', async () => (await subscribers()) === 0, 5000);
      } finally {
        redis.disconnect();
      }
    });

    it('refuses a role without access (403) and a missing token (401)', async () => {
      expect((await openStream(al, tokens.auditor)).status).to.equal(403);
      expect((await call(al, 'GET', '/v1/events', undefined)).status).to.equal(401);
    });
  });

  describe('list filters and getThread', () => {
    it('filters by correlationId, ref, inReplyTo, type, peer, status and date range, and shows the thread', async () => {
      const correlationId = `case-${uuidv7()}`;
      const requestRef = `AL-T-${Date.now()}`;
      const t0 = new Date(Date.now() - 1000).toISOString();
      const sent = await call<Schemas['SubmitResult']>(al, 'POST', '/v1/messages', tokens.analyst, {
        ...storyTraceRequest(),
        correlationId,
        body: { ...STORY_BODIES.traceRequest, requestRef },
      });
      expect(sent.status).to.equal(202);
      const id = sent.body.results[0]!.messageId;
      await eventually('in RS inbox', async () => {
        const m = await call(rs, 'GET', `/v1/inbox/${id}`, tokens.analyst);
        return m.status === 200;
      });
      const reply = await call<Schemas['SubmitResult']>(
        rs,
        'POST',
        `/v1/inbox/${id}/reply`,
        tokens.analyst,
        {
          handling: { code: 'H1', purpose: 'criminal-investigation' },
          body: { ...STORY_BODIES.traceResponse, requestRef },
        },
      );
      const replyId = reply.body.results[0]!.messageId;
      await eventually('the reply in AL inbox', async () => {
        const m = await call(al, 'GET', `/v1/inbox/${replyId}`, tokens.analyst);
        return m.status === 200;
      });

      const ids = async (path: string) =>
        (await call<Schemas['MessageList']>(al, 'GET', path, tokens.analyst)).body.items.map(
          (m) => m.id,
        );
      expect(await ids(`/v1/outbox?correlationId=${correlationId}`)).to.deep.equal([id]);
      expect(await ids(`/v1/outbox?ref=${requestRef}`)).to.deep.equal([id]);
      expect(await ids(`/v1/inbox?ref=${requestRef}`)).to.deep.equal([replyId]);
      expect(await ids(`/v1/inbox?inReplyTo=${id}`)).to.deep.equal([replyId]);
      expect(
        await ids(`/v1/inbox?correlationId=${correlationId}&type=trace-response&peer=RS`),
      ).to.deep.equal([replyId]);
      expect(
        await ids(`/v1/inbox?correlationId=${correlationId}&type=trace-request`),
      ).to.deep.equal([]);
      expect(
        await ids(`/v1/outbox?ref=${requestRef}&from=${encodeURIComponent(t0)}`),
      ).to.deep.equal([id]);
      expect(await ids(`/v1/outbox?ref=${requestRef}&to=${encodeURIComponent(t0)}`)).to.deep.equal(
        [],
      );

      const thread = await call<Schemas['Thread']>(
        al,
        'GET',
        `/v1/threads/${correlationId}`,
        tokens.analyst,
      );
      expect(thread.status).to.equal(200);
      expect(thread.body.items.map((m) => [m.box, m.id])).to.deep.equal([
        ['out', id],
        ['in', replyId],
      ]);
      expect(thread.body.truncated).to.equal(false);
      const empty = await call<Schemas['Thread']>(
        al,
        'GET',
        `/v1/threads/none-${uuidv7()}`,
        tokens.analyst,
      );
      expect(empty.body.items).to.deep.equal([]);
    });

    it('refuses bad filters with the query pointer (400) and other roles (403)', async () => {
      const bad = await call<Schemas['Problem']>(
        al,
        'GET',
        '/v1/inbox?from=yesterday',
        tokens.analyst,
      );
      expect(bad.status).to.equal(400);
      expect(bad.body.errors?.map((p) => p.pointer)).to.deep.equal(['/query/from']);
      const reply = await call<Schemas['Problem']>(
        al,
        'GET',
        '/v1/outbox?inReplyTo=42',
        tokens.analyst,
      );
      expect(reply.body.errors?.map((p) => p.pointer)).to.deep.equal(['/query/inReplyTo']);
      const long = await call<Schemas['Problem']>(
        al,
        'GET',
        `/v1/threads/${'x'.repeat(129)}`,
        tokens.analyst,
      );
      expect(long.status).to.equal(400);
      expect(long.body.errors?.map((p) => p.pointer)).to.deep.equal(['/path/correlationId']);
      expect((await call(al, 'GET', '/v1/threads/abc', tokens.admin)).status).to.equal(403);
    });
  });
});

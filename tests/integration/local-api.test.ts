// The local API against openapi.yaml: valid OpenAPI 3.1, and every route's answer checked against the spec (the role × token matrix is in tests/security).
import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { createConfig, lint } from '@redocly/openapi-core';
import { loadOperations, rewriteRefs } from '../../node/http/openapi-operations.js';
import { compileSchema } from '../../protocol/validate.js';
import { mintDevToken } from '../../node/http/auth/dev-token.js';
import { STORY_BODIES, storyTraceRequest } from '../../node/dev/demo-story.js';
import { parse as parseYaml } from 'yaml';
import { readFileSync } from 'node:fs';
import { eventually, testFederation } from '../fixtures/federation.js';
import type { DevFederationRunner } from '../../node/dev/dev-federation-runner.js';
import type { TestPki } from '../fixtures/pki.js';

const OPENAPI = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));
const localOps = loadOperations().filter((o) => !o.tags.includes('peer'));

describe('local API contract', function () {
  this.timeout(120_000);
  let fed: DevFederationRunner;
  let pki: TestPki;
  let base: string;

  before(async () => {
    ({ fed, pki } = await testFederation('localapi'));
    base = (await fed.start('AL')).ready.localApi;
  });

  after(async () => {
    await fed.stopAll();
  });

  it('openapi.yaml is valid OpenAPI 3.1 (no lint errors)', async () => {
    const problems = await lint({
      ref: OPENAPI,
      config: await createConfig({ extends: ['recommended'] }),
    });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(
      errors.map((e) => `${e.ruleId}: ${e.message} at ${e.location[0]?.pointer}`),
    ).to.deep.equal([]);
    expect((parseYaml(readFileSync(OPENAPI, 'utf8')) as { openapi: string }).openapi).to.equal(
      '3.1.0',
    );
  });

  describe('every documented route answers as the spec says', () => {
    const exercised = new Set<string>();
    let rsBase: string;

    before(async () => {
      rsBase = (await fed.start('RS')).ready.localApi;
    });

    /** Calls an operation and checks the answer's status and body against openapi.yaml. */
    async function check(
      url: string,
      operationId: string,
      token: string | undefined,
      pathValues: Record<string, string> = {},
      body?: unknown,
    ): Promise<{ status: number; body: unknown }> {
      const op = localOps.find((o) => o.operationId === operationId)!;
      let path = op.path;
      for (const [k, v] of Object.entries(pathValues)) path = path.replace(`{${k}}`, v);
      const query = pathValues.query ? `?${pathValues.query}` : '';
      const res = await fetch(new URL(path.replace(/\{query\}/, '') + query, url), {
        method: op.method.toUpperCase(),
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      expect(
        op.responses,
        `${operationId} answered an undocumented status ${res.status}: ${text}`,
      ).to.include(String(res.status));
      const doc = parseYaml(readFileSync(OPENAPI, 'utf8')) as {
        paths: Record<
          string,
          Record<
            string,
            {
              responses: Record<
                string,
                { $ref?: string; content?: Record<string, { schema: Record<string, unknown> }> }
              >;
            }
          >
        >;
        components: {
          responses: Record<
            string,
            { content: Record<string, { schema: Record<string, unknown> }> }
          >;
        };
      };
      let response = doc.paths[op.path]![op.method]!.responses[String(res.status)]!;
      if (response.$ref) response = doc.components.responses[response.$ref.split('/').pop()!]!;
      const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
      const media = response.content?.[type];
      expect(media, `${operationId} ${res.status} answered ${type}, not documented`).to.not.equal(
        undefined,
      );
      const parsed = type.includes('json') ? (JSON.parse(text) as unknown) : text;
      const result = compileSchema(rewriteRefs(media!.schema))(parsed);
      expect(result, `${operationId} ${res.status} body does not match the spec`).to.deep.equal({
        valid: true,
      });
      exercised.add(operationId);
      return { status: res.status, body: parsed };
    }

    it('calls every local route with realistic input and validates each answer', async () => {
      const analyst = await mintDevToken({
        pkiDir: pki.out,
        sub: 'arta.hoxha',
        roles: ['analyst'],
        ttlSeconds: 600,
      });
      const rsAnalyst = await mintDevToken({
        pkiDir: pki.out,
        sub: 'marko.petrovic',
        roles: ['analyst'],
        ttlSeconds: 600,
      });
      const officer1 = await mintDevToken({
        pkiDir: pki.out,
        sub: 'officer.one',
        roles: ['compliance-officer'],
        ttlSeconds: 600,
      });
      const officer2 = await mintDevToken({
        pkiDir: pki.out,
        sub: 'officer.two',
        roles: ['compliance-officer'],
        ttlSeconds: 600,
      });
      const auditor = await mintDevToken({
        pkiDir: pki.out,
        sub: 'auditor.al',
        roles: ['auditor'],
        ttlSeconds: 600,
      });
      const admin = await mintDevToken({
        pkiDir: pki.out,
        sub: 'admin.al',
        roles: ['admin'],
        ttlSeconds: 600,
      });

      await check(base, 'getHealth', undefined);
      await check(base, 'getReadiness', undefined);
      await check(base, 'getMetrics', undefined);

      const submit = storyTraceRequest();
      const sent = (await check(base, 'submitMessage', analyst, {}, submit)).body as {
        results: Array<{ messageId: string }>;
      };
      const id = sent.results[0]!.messageId;
      await check(base, 'submitMessage', analyst, {}, { ...submit, to: ['ZZ'] });
      await check(base, 'listOutbox', analyst, { query: 'limit=10&type=trace-request' });
      await check(base, 'getOutboxMessage', analyst, { id });
      await check(base, 'getOutboxMessage', analyst, { id: uuidv7() });

      const rsClient = await fed.client('RS', 'marko.petrovic', ['analyst']);
      await eventually('the request in RS inbox', () => rsClient.inboxMessage(id));
      await check(rsBase, 'listInbox', rsAnalyst, { query: 'limit=5' });
      await check(rsBase, 'getInboxMessage', rsAnalyst, { id });
      await check(
        rsBase,
        'replyToMessage',
        rsAnalyst,
        { id },
        {
          handling: { code: 'H1', purpose: 'criminal-investigation' },
          body: STORY_BODIES.traceResponse,
        },
      );
      await check(
        rsBase,
        'replyToMessage',
        rsAnalyst,
        { id: uuidv7() },
        {
          handling: { code: 'H1', purpose: 'criminal-investigation' },
          body: STORY_BODIES.traceResponse,
        },
      );

      const list = (await check(base, 'listPolicies', officer1)).body as {
        active: number;
        items: Array<{ version: number; document?: unknown }>;
      };
      const active = list.active;
      const current = (await check(base, 'getPolicy', officer1, { version: String(active) }))
        .body as { document: Record<string, unknown> };
      const draft = (
        await check(
          base,
          'createPolicyDraft',
          officer1,
          {},
          { document: current.document, comment: 'contract test' },
        )
      ).body as { version: number };
      const v = String(draft.version);
      await check(base, 'diffPolicy', officer1, { version: v });
      await check(base, 'simulatePolicy', officer1, { version: v });
      await check(base, 'proposePolicy', officer1, { version: v });
      await check(base, 'approvePolicy', officer1, { version: v });
      await check(base, 'approvePolicy', officer2, { version: v });
      await check(base, 'activatePolicy', officer2, { version: v });
      await check(
        base,
        'previewPolicy',
        analyst,
        {},
        {
          to: 'RS',
          type: 'trace-request',
          handling: submit.handling,
          body: STORY_BODIES.traceRequest,
        },
      );
      await check(base, 'rollbackPolicy', officer1, {}, { version: active });
      await check(base, 'rollbackPolicy', officer1, {}, { version: 9999 });

      await check(base, 'readAudit', auditor, { query: 'limit=20' });
      await check(base, 'verifyAudit', auditor);
      await check(base, 'getEvidenceBundle', auditor, { id: uuidv7() });
      await check(base, 'listDisclosures', auditor, {
        query: 'from=2026-01-01T00:00:00Z&to=2036-01-01T00:00:00Z&recipient=RS',
      });
      await check(base, 'listDisclosures', auditor, {
        query: 'from=2026-01-01T00:00:00Z&to=2036-01-01T00:00:00Z&format=csv',
      });

      await check(base, 'listDeadLetters', admin);
      await check(base, 'retryDeadLetter', admin, { id });
      await check(base, 'purgeDeadLetter', admin, { id: uuidv7() });

      // The console's routes (a live stream is checked by its refusals: it never ends by itself).
      await check(base, 'getDirectory', analyst);
      await check(base, 'previewMessage', analyst, {}, { ...submit, to: ['RS', 'EU-DE'] });
      await check(base, 'previewMessage', analyst, {}, { ...submit, to: ['ZZ'] });
      await check(base, 'listOutbox', analyst, {
        query: 'from=2026-01-01T00:00:00Z&ref=AL-FFP-2026-0412&correlationId=c1',
      });
      await check(base, 'listInbox', analyst, { query: 'from=yesterday' });
      await check(base, 'getThread', analyst, { correlationId: 'contract-thread' });
      await check(base, 'listPeers', admin);
      await check(base, 'testPeerConnection', admin, { peer: 'RS' });
      await check(base, 'testPeerConnection', admin, { peer: 'MD' });
      await check(base, 'testPeerConnection', admin, { peer: 'ZZ' });
      await check(base, 'getNodeCertificates', admin);
      await check(base, 'getAttention', auditor);
      await check(base, 'streamEvents', undefined);
      await check(base, 'streamEvents', auditor);

      expect(localOps.map((o) => o.operationId).filter((o) => !exercised.has(o))).to.deep.equal([]);
    });
  });
});

// Local API handlers of the sharing policy: versions, four-eyes lifecycle, diff, simulation, preview.
import { NodeError, toNodeError } from '../../errors.js';
import {
  decide,
  diffPolicies,
  parsePolicyText,
  simulate,
  type OutboundInput,
  type PolicyVersionRecord,
} from '../../policy/index.js';
import type { ActivePolicy } from '../../service/active-policy.js';
import { summarise } from '../../message-flow/submit-message.js';
import type { MessageStore } from '../../store/message-store.js';
import type { TrustStore } from '../../pki/trust-store.js';
import type { Handler, HandlerTable } from '../local-app.js';
import type { components } from '../../../generated/openapi.js';

type Schemas = components['schemas'];

/** What the policy routes use: the policy in force and its versions, sample messages, the directory. */
export interface PolicyRouteDeps {
  nodeId: string;
  policy: Pick<
    ActivePolicy,
    'store' | 'invalidate' | 'compiled' | 'current' | 'context' | 'decide'
  >;
  store: Pick<MessageStore, 'list' | 'get'>;
  trust: Pick<TrustStore, 'directory'>;
}

/** Handlers of the `policies` tag; every state change is journaled through the store's events. */
export function policyHandlers(deps: PolicyRouteDeps): HandlerTable {
  const store = () => deps.policy.store;
  const guard =
    (h: Handler): Handler =>
    async (ctx) => {
      try {
        return await h(ctx);
      } catch (err) {
        throw toNodeError(err);
      }
    };
  const version = (params: Record<string, unknown>) => Number(params.version);
  const found = async (v: number): Promise<PolicyVersionRecord> => {
    const r = await store().get(v);
    if (!r) throw new NodeError('NODE-NOT-FOUND', `no policy version ${v}`);
    return r;
  };
  const transition = (op: 'propose' | 'approve' | 'activate'): Handler =>
    guard(async ({ params, actor }) => {
      const r = await store()[op](version(params), actor.sub);
      deps.policy.invalidate();
      return { status: 200, body: view(r, true) };
    });

  return {
    listPolicies: guard(async () => {
      const l = await store().list();
      return {
        status: 200,
        body: {
          active: l.active,
          items: l.items.map((r) => view(r, false)),
        } satisfies Schemas['PolicyVersionList'],
      };
    }),
    getPolicy: guard(async ({ params }) => ({
      status: 200,
      body: view(await found(version(params)), true),
    })),
    createPolicyDraft: guard(async ({ body, actor }) => {
      const req = body as Schemas['PolicyDraftRequest'];
      const doc =
        typeof req.document === 'string'
          ? parsePolicyText(req.document, 'request body')
          : req.document;
      const r = await store().createDraft(doc, actor.sub, req.comment);
      return { status: 201, body: view(r, true) };
    }),
    proposePolicy: transition('propose'),
    approvePolicy: transition('approve'),
    activatePolicy: transition('activate'),
    rollbackPolicy: guard(async ({ body, actor }) => {
      const r = await store().rollback(
        (body as Schemas['PolicyRollbackRequest']).version,
        actor.sub,
      );
      deps.policy.invalidate();
      return { status: 200, body: view(r, true) };
    }),
    diffPolicy: guard(async ({ params, query }) => {
      const a = await found(version(params));
      const againstV = (query.against as number | undefined) ?? (await store().activeVersion());
      if (againstV === null || againstV === undefined)
        throw new NodeError('NODE-NOT-FOUND', 'no active version to compare with; pass ?against=');
      const b = await found(againstV);
      return {
        status: 200,
        body: {
          version: a.version,
          against: b.version,
          ...diffPolicies(b.document, a.document),
        } satisfies Schemas['PolicyDiff'],
      };
    }),
    simulatePolicy: guard(async ({ params, query }) => {
      const candidate = await deps.policy.compiled(version(params));
      const current = await deps.policy.current();
      const limit = (query.limit as number | undefined) ?? 100;
      const page = await deps.store.list('out', { limit });
      const samples = [];
      for (const m of page.items) {
        const full = await deps.store.get('out', m.id);
        const msg = full?.message as (OutboundInput & { id: string }) | undefined;
        const member = deps.trust.directory.member(m.to);
        if (!msg || !member) continue;
        samples.push({
          messageId: m.id,
          message: msg,
          destination: { id: member.id, kind: member.kind, groups: member.groups ?? [] },
        });
      }
      const r = simulate(candidate, current, samples, deps.policy.context());
      const out: Schemas['PolicySimulation'] = {
        candidate: candidate.version,
        active: current?.version ?? null,
        compared: r.compared,
        changed: r.changed as Schemas['PolicySimulation']['changed'],
      };
      return { status: 200, body: out };
    }),
    previewPolicy: guard(async ({ body }) => {
      const req = body as Schemas['PolicyPreviewRequest'];
      const member = deps.trust.directory.member(req.to);
      if (!member) {
        throw new NodeError('NODE-VALIDATION', `${req.to} is not a member of the federation`, {
          problems: [{ pointer: '/to', message: 'not a member of the federation' }],
        });
      }
      const policy = req.version
        ? await deps.policy.compiled(req.version)
        : await deps.policy.current();
      const destination = { id: member.id, kind: member.kind, groups: member.groups ?? [] };
      const input: OutboundInput = {
        type: req.type,
        from: deps.nodeId,
        to: req.to,
        handling: req.handling as Record<string, unknown>,
        body: req.body as Record<string, unknown>,
      };
      const d = policy
        ? decide(policy, input, destination, deps.policy.context())
        : await deps.policy.decide(input, destination);
      const out: Schemas['PolicyPreview'] = {
        decision: summarise(d),
        notMatched: summarise(d).notMatched ?? [],
        body: d.body,
        freeText: d.freeText ?? [],
      };
      return { status: 200, body: out };
    }),
  };
}

function view(r: PolicyVersionRecord, withDocument: boolean): Schemas['PolicyVersion'] {
  return {
    policyId: r.policyId,
    version: r.version,
    state: r.state,
    author: r.author,
    createdAt: r.createdAt,
    ...(r.comment ? { comment: r.comment } : {}),
    history: r.history,
    ...(withDocument ? { document: r.document as unknown as Record<string, unknown> } : {}),
  } as Schemas['PolicyVersion'];
}

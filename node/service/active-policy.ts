// The node's sharing policy in force: decides every outbound and inbound message, serves the policy API.
import { readFile } from 'node:fs/promises';
import type { Redis } from 'ioredis';
import {
  PolicyStore,
  compilePolicy,
  decide,
  decideInbound,
  parsePolicyText,
  type CompiledPolicy,
  type FederationContext,
  type Origin,
  type OutboundInput,
  type PolicyDecision as EngineDecision,
  type PolicyMember,
} from '../policy/index.js';
import type { OpenedMessage } from '../../protocol/index.js';
import { NodeError } from '../errors.js';
import type { Logger } from '../lib/logger.js';
import type { TrustStore } from '../pki/trust-store.js';
import type { NodeEvents } from './node-events.js';
import type { InboundGate, InboundVerdict } from '../message-flow/receive-envelope.js';

/** An outbound decision as the submit path uses it. */
export type PolicyDecision = EngineDecision;

/** The outbound policy check, as the submit path needs it. */
export interface OutboundPolicy {
  decide(
    message: OutboundInput,
    destination: PolicyMember,
    origin?: Origin,
  ): Promise<PolicyDecision>;
}

/** What opening the active policy needs. */
export interface ActivePolicyOptions {
  redis: Redis;
  prefix: string;
  trust: TrustStore;
  events: NodeEvents;
  log: Logger;
  /** Policy file installed and activated when the store holds no active version yet. */
  bootstrapFile: string;
  now: () => Date;
}

/**
 * The decision hash of a decision no policy took (none active) or not taken yet (a draft being
 * validated): well-formed like a real one (43 base64url characters), equal to none.
 */
export const NO_DECISION_HASH = 'A'.repeat(43);

/** How long a process trusts its cached active version before asking Redis again. */
const RECHECK_MS = 500;

/**
 * The policy in force for this node, shared by all its processes through Redis. The compiled
 * active version is cached; the active version number is re-read at most every 500 ms of the
 * node's clock, so an
 * activation by any process applies everywhere within that time (immediately in the process that
 * activated it). With no active version the node denies everything (default deny).
 */
export class ActivePolicy implements OutboundPolicy, InboundGate {
  readonly store: PolicyStore;
  readonly #o: ActivePolicyOptions;
  #cached: CompiledPolicy | null = null;
  #checkedAt = 0;

  private constructor(o: ActivePolicyOptions, store: PolicyStore) {
    this.#o = o;
    this.store = store;
  }

  /** Opens the store and installs the bootstrap policy when nothing is active yet. */
  static async open(o: ActivePolicyOptions): Promise<ActivePolicy> {
    const store = new PolicyStore(o.redis, o.prefix, () => federationContext(o.trust), o.now, {
      onChange: (e) => {
        // Called on a later change only, when `self` exists.
        self.invalidate();
        o.events.emit('policy-change', {
          actor: { sub: e.actor, role: e.actor === 'system' ? 'system' : 'compliance-officer' },
          action: e.action,
          policyId: e.policyId,
          version: e.version,
        });
      },
    });
    const self = new ActivePolicy(o, store);
    if ((await store.activeVersion()) === null) {
      const text = await readFile(o.bootstrapFile, 'utf8');
      const installed = await store.bootstrap(parsePolicyText(text, o.bootstrapFile), 'system');
      if (installed) {
        o.log.info(
          { policyId: installed.policyId, version: installed.version, file: o.bootstrapFile },
          'installed and activated the bootstrap sharing policy',
        );
      }
    }
    await self.current();
    return self;
  }

  /** The federation as the policy engine sees it. */
  context(): FederationContext {
    return federationContext(this.#o.trust);
  }

  /** Forgets the cached version (after a change made by this process). */
  invalidate(): void {
    this.#checkedAt = 0;
  }

  /** The compiled active version (null when none is active). */
  async current(): Promise<CompiledPolicy | null> {
    const t = this.#o.now().getTime();
    if (t - this.#checkedAt < RECHECK_MS) return this.#cached;
    const version = await this.store.activeVersion();
    this.#checkedAt = t;
    if (version === null) {
      this.#cached = null;
    } else if (!this.#cached || this.#cached.version !== version) {
      this.#cached = await this.compiled(version);
    }
    return this.#cached;
  }

  /** Compiles a stored version; NODE-NOT-FOUND when there is none. */
  async compiled(version: number): Promise<CompiledPolicy> {
    const record = await this.store.get(version);
    if (!record) throw new NodeError('NODE-NOT-FOUND', `no policy version ${version}`);
    return compilePolicy(record.document, this.context(), version);
  }

  async decide(
    message: OutboundInput,
    destination: PolicyMember,
    origin?: Origin,
  ): Promise<PolicyDecision> {
    const policy = await this.current();
    if (!policy) return noPolicy(destination);
    return decide(policy, message, destination, this.context(), origin);
  }

  async check(opened: OpenedMessage, sizeBytes: number): Promise<InboundVerdict> {
    const policy = await this.current();
    const m = opened.message;
    if (!policy) {
      return {
        allowed: false,
        reasons: ['no sharing policy is active on this node'],
        policy: { id: 'none', version: 0, decisionHash: NO_DECISION_HASH },
        rules: [],
      };
    }
    const d = decideInbound(
      policy,
      { from: m.from, type: m.type, sizeBytes, handling: m.handling as Record<string, unknown> },
      this.context(),
    );
    return {
      allowed: d.effect === 'allow',
      reasons: d.reasons,
      policy: { id: d.policy.id, version: d.policy.version, decisionHash: d.decisionHash },
      rules: d.matched.map((r) => r.ruleId),
    };
  }

  async close(): Promise<void> {
    this.#cached = null;
  }
}

/** The directory's members as the policy engine sees them. */
export function federationContext(trust: TrustStore): FederationContext {
  return {
    self: trust.nodeId,
    members: trust.directory
      .members()
      .map((m) => ({ id: m.id, kind: m.kind, groups: m.groups ?? [] })),
  };
}

function noPolicy(destination: PolicyMember): PolicyDecision {
  return {
    effect: 'deny',
    policy: { id: 'none', version: 0 },
    matched: [],
    notMatched: [],
    reasons: [`no sharing policy is active on this node; nothing may be sent to ${destination.id}`],
    transformations: [],
    body: null,
    decisionHash: NO_DECISION_HASH,
  };
}

// Shared inputs of the policy tests: the dev federation as the engine sees it, and small policies.
import { readFileSync } from 'node:fs';
import type { FederationContext, PolicyDocument } from '../../node/policy/index.js';

const fed = JSON.parse(
  readFileSync(new URL('../../certs-dev/dev-federation.json', import.meta.url), 'utf8'),
) as {
  members: Array<{ id: string; kind: 'ffp-node' | 'eu-counterpart'; groups: string[] }>;
};

/** The dev federation from AL's point of view. */
export const ctx: FederationContext = {
  self: 'AL',
  members: fed.members.map((m) => ({ id: m.id, kind: m.kind, groups: m.groups })),
};

/** A destination by id. */
export const member = (id: string) => ctx.members.find((m) => m.id === id)!;

/** A minimal valid policy of AL with the given outbound rules. */
export function policyWith(
  outbound: PolicyDocument['outbound'],
  extra: Partial<PolicyDocument> = {},
): PolicyDocument {
  return {
    id: 'AL-test',
    member: 'AL',
    outbound,
    inbound: [{ id: 'all', effect: 'allow' }],
    ...extra,
  };
}

/** A realistic trace request body (never mutated by tests: the engine must not either). */
export const traceRequest = Object.freeze({
  requestRef: 'AL-FFP-2026-0412',
  priority: 'urgent',
  caseRef: 'TR-2026-118-0931',
  offence: { code: 'homicide-attempt', text: 'Attempted murder' },
  requester: {
    agency: 'Albanian State Police',
    unit: 'FFP',
    officer: 'Insp. Arta Hoxha',
    email: 'ffp@asp.example.al',
  },
  firearm: {
    serialNumber: '76-1043318',
    make: 'Zastava',
    model: 'M70',
    type: 'pistol',
    calibre: '7.65 mm Browning',
  },
  recovery: {
    date: '2026-11-18',
    place: { country: 'AL', municipality: 'Tirana', coordinates: { lat: 41.32751, lon: 19.81876 } },
  },
  possessor: {
    name: 'Dritan K.',
    aliases: ['DK', 'Driti'],
    dateOfBirth: '1991-04-17',
    nationality: ['AL'],
    address: {
      street: 'Rruga e Kavajës 112',
      municipality: 'Tirana',
      country: 'AL',
      postalCode: '1001',
    },
  },
});

/** Handling of an ordinary investigation. */
export const handling = {
  code: 'H1',
  purpose: 'criminal-investigation',
  legalBasis: 'PCC SEE, Art. 5',
  containsPersonalData: true,
};

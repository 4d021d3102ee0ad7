// The demo federation's story: a trace request and its answer, a ballistic hit to three destinations.
import type { DevFederationRunner } from './dev-federation-runner.js';
import type { LocalApiClient } from './local-api-client.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];

/** One line of the timeline the demo prints. */
export interface TimelineEntry {
  at: number;
  node: string;
  text: string;
}

/** What the story did, for the demo's summary and for the test that replays it. */
export interface StoryResult {
  traceRequest: {
    id: string;
    detail: Schemas['MessageDetail'];
    received: Schemas['MessageDetail'];
  };
  traceResponse: {
    id: string;
    detail: Schemas['MessageDetail'];
    request: Schemas['MessageDetail'];
  };
  hit: {
    results: Schemas['SubmitResult']['results'];
    delivered: Record<string, Schemas['MessageDetail']>;
    received: Record<string, Schemas['MessageDetail']>;
  };
  timeline: TimelineEntry[];
}

/** The bodies the story sends (realistic, fictitious). */
export const STORY_BODIES = {
  traceRequest: {
    requestRef: 'AL-FFP-2026-0412',
    priority: 'urgent',
    urgencyJustification:
      'Firearm used in a shooting on 2026-11-18; suspect in custody, 48 h to charge.',
    caseRef: 'TR-2026-118-0931',
    offence: { code: 'homicide-attempt', text: 'Attempted murder, Tirana, 18 November 2026' },
    requester: {
      agency: 'Albanian State Police',
      unit: 'Firearms Focal Point',
      officer: 'Insp. Arta Hoxha',
      email: 'ffp@asp.example.al',
      phone: '+355 4 000 0000',
    },
    firearm: {
      serialNumber: '76-1043318',
      serialObliterated: true,
      serialRestoration: 'chemical etching restored 7 of 9 characters',
      make: 'Zastava',
      model: 'M70',
      type: 'pistol',
      calibre: '7.65 mm Browning',
      countryOfManufacture: 'RS',
      yearOfManufacture: 1987,
    },
    recovery: {
      date: '2026-11-18',
      place: {
        country: 'AL',
        municipality: 'Tirana',
        coordinates: { lat: 41.32751, lon: 19.81876 },
      },
      agency: 'Tirana Police Directorate',
      circumstances: 'Recovered at the scene after the arrest of the suspect.',
    },
    possessor: {
      name: 'Dritan K.',
      dateOfBirth: '1991-04-17',
      sex: 'M',
      nationality: ['AL'],
      address: { street: 'Rruga e Kavajës 112', municipality: 'Tirana', country: 'AL' },
    },
    questions: ['origin', 'chain-of-custody', 'last-legal-owner', 'lost-stolen-status'],
  },
  traceResponse: {
    requestRef: 'AL-FFP-2026-0412',
    status: 'completed',
    responder: {
      agency: 'Ministry of Interior of Serbia',
      unit: 'Firearms Focal Point',
      officer: 'Insp. Marko Petrović',
      email: 'ffp@mup.example.rs',
    },
    registration: { status: 'deregistered', licenceNumber: 'BG-1998-44721' },
    lostStolen: {
      date: '2014-06-02',
      place: { country: 'RS', municipality: 'Novi Sad' },
      reportingAgency: 'Novi Sad Police Directorate',
    },
    diversion: 'theft',
  },
  hit: {
    notificationRef: 'RS-IBIS-2026-077',
    kind: 'confirmed',
    grade: 'intelligence',
    system: { name: 'IBIS', network: 'national' },
    originatingLab: { id: 'RS-NCFL', name: 'National Criminal-Forensic Centre, Belgrade' },
    exhibits: [
      { exhibitId: 'RS-77-CC1', type: 'cartridge-case', calibre: '7.65 mm Browning' },
      { exhibitId: 'AL-0412-TF1', type: 'test-fire', calibre: '7.65 mm Browning' },
    ],
    linkedCases: [
      {
        caseRef: 'KU-2025-3312',
        jurisdiction: 'RS',
        occurrenceDate: '2025-09-30',
        offence: 'armed robbery',
        place: { country: 'RS', municipality: 'Subotica' },
      },
      {
        caseRef: 'TR-2026-118-0931',
        jurisdiction: 'AL',
        occurrenceDate: '2026-11-18',
        offence: 'attempted murder',
        place: { country: 'AL', municipality: 'Tirana' },
      },
    ],
    confirmation: {
      examinerId: 'RS-FE-014',
      lab: 'RS-NCFL',
      method: 'comparison microscopy',
      date: '2026-11-21',
    },
    sharingCriteria: ['suspected-trafficker', 'near-border'],
  },
} as const;

/** The story's trace request from AL to RS as the analyst submits it (the local API's SubmitRequest). */
export function storyTraceRequest(): Schemas['SubmitRequest'] {
  return {
    type: 'trace-request',
    to: ['RS'],
    handling: {
      code: 'H1',
      purpose: 'criminal-investigation',
      legalBasis: 'Police Cooperation Convention for Southeast Europe, Art. 5',
      evaluation: { source: 'B', information: '2' },
    },
    body: STORY_BODIES.traceRequest,
  } as unknown as Schemas['SubmitRequest'];
}

/**
 * Plays the story on a running federation of AL, RS, MD and EU-DE and returns what happened.
 * Each step waits for the signed receipt before the next one.
 */
export async function playStory(
  fed: DevFederationRunner,
  log: (e: TimelineEntry) => void = () => undefined,
): Promise<StoryResult> {
  const t0 = Date.now();
  const timeline: TimelineEntry[] = [];
  const say = (node: string, text: string) => {
    const e = { at: Date.now() - t0, node, text };
    timeline.push(e);
    log(e);
  };
  const al = await fed.client('AL', 'arta.hoxha', ['analyst']);
  const rs = await fed.client('RS', 'marko.petrovic', ['analyst']);
  const md = await fed.client('MD', 'ion.rusu', ['analyst']);
  const de = await fed.client('EU-DE', 'jana.keller', ['analyst']);

  // 1. AL asks RS to trace the pistol.
  const sent = await al.submit(storyTraceRequest());
  const reqResult = sent.results[0]!;
  say(
    'AL',
    `trace request ${reqResult.messageId} to RS: ${reqResult.status}; policy ${describeTransformations(reqResult.decision)}`,
  );
  const reqDelivered = await al.waitForStatus(reqResult.messageId, [
    'delivered',
    'answered',
    'rejected',
    'failed',
  ]);
  say('AL', `RS receipted the trace request (${receiptLine(reqDelivered)})`);
  const reqReceived = await waitForInbox(rs, reqResult.messageId);
  say(
    'RS',
    `trace request in the inbox; possessor as received: ${JSON.stringify((reqReceived.message as { body?: { possessor?: unknown } } | undefined)?.body?.possessor ?? null)}`,
  );

  // 2. RS answers.
  const reply = await rs.reply(reqResult.messageId, {
    handling: {
      code: 'H2',
      purpose: 'criminal-investigation',
      legalBasis: 'Police Cooperation Convention for Southeast Europe, Art. 5',
    },
    body: STORY_BODIES.traceResponse,
  } as unknown as Schemas['ReplyRequest']);
  const respResult = reply.results[0]!;
  say('RS', `trace response ${respResult.messageId} to AL: ${respResult.status}`);
  const respDelivered = await rs.waitForStatus(respResult.messageId, [
    'delivered',
    'rejected',
    'failed',
  ]);
  say('RS', `AL receipted the trace response (${receiptLine(respDelivered)})`);
  const requestAnswered = await al.waitForStatus(reqResult.messageId, ['answered']);
  say(
    'AL',
    `trace request ${reqResult.messageId} is now answered by ${requestAnswered.summary.answeredBy}`,
  );

  // 3. RS notifies a confirmed ballistic hit to AL, MD and EU-DE.
  const hit = await rs.submit({
    type: 'hit-notification',
    to: ['AL', 'MD', 'EU-DE'],
    handling: {
      code: 'H1',
      purpose: 'criminal-investigation',
      legalBasis: 'Police Cooperation Convention for Southeast Europe, Art. 5',
      evaluation: { source: 'A', information: '2' },
    },
    correlationId: 'AL-FFP-2026-0412',
    body: STORY_BODIES.hit,
  } as unknown as Schemas['SubmitRequest']);
  const delivered: Record<string, Schemas['MessageDetail']> = {};
  const received: Record<string, Schemas['MessageDetail']> = {};
  const inboxes: Record<string, LocalApiClient> = { AL: al, MD: md, 'EU-DE': de };
  for (const r of hit.results) {
    if (r.status === 'denied') {
      say('RS', `hit notification to ${r.to} DENIED by policy: ${(r.reasons ?? []).join('; ')}`);
      continue;
    }
    say('RS', `hit notification ${r.messageId} to ${r.to}: queued`);
  }
  for (const r of hit.results.filter((x) => x.status === 'queued')) {
    delivered[r.to] = await rs.waitForStatus(r.messageId, ['delivered', 'rejected', 'failed']);
    say(
      'RS',
      `${r.to} receipted hit notification ${r.messageId} (${receiptLine(delivered[r.to]!)})`,
    );
    received[r.to] = await waitForInbox(inboxes[r.to]!, r.messageId);
    say(r.to, `hit notification from RS in the inbox`);
  }
  return {
    traceRequest: { id: reqResult.messageId, detail: reqDelivered, received: reqReceived },
    traceResponse: { id: respResult.messageId, detail: respDelivered, request: requestAnswered },
    hit: { results: hit.results, delivered, received },
    timeline,
  };
}

async function waitForInbox(
  client: LocalApiClient,
  id: string,
  timeoutMs = 30_000,
): Promise<Schemas['MessageDetail']> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await client.inboxMessage(id);
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function receiptLine(d: Schemas['MessageDetail']): string {
  const p = d.receipt?.payload as
    { status?: string; digest?: string; receivedAt?: string } | undefined;
  return p
    ? `receipt ${p.status}, digest ${String(p.digest).slice(0, 12)}…, at ${p.receivedAt}`
    : `no receipt, status ${d.summary.status}`;
}

function describeTransformations(d: Schemas['DecisionSummary'] | undefined): string {
  if (!d) return 'none';
  if (d.transformations.length === 0)
    return `${d.effect} (${d.policy.id} v${d.policy.version}), no transformation`;
  return `${d.effect} (${d.policy.id} v${d.policy.version}): ${d.transformations.map((t) => `${t.action} ${t.pointer}`).join(', ')}`;
}

// The demo federation's story: a border seizure traced item by item in two answers, a ballistic hit to three destinations.
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
  /** The last of RS's answers (the rest of the items). */
  traceResponse: {
    id: string;
    detail: Schemas['MessageDetail'];
    request: Schemas['MessageDetail'];
  };
  /** RS's first answer (two items) and the request as AL's outbox showed it then. */
  partialResponse: {
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
  /** AL's border seizure: three pistols, a rifle and two ammunition lots in one trace request. */
  seizure: {
    requestRef: 'AL-FFP-2026-0430',
    priority: 'urgent',
    urgencyJustification:
      'Border seizure on 2026-11-19; driver in custody, 48 h to charge; the load was bound for onward sale.',
    caseRef: 'TR-2026-119-1207',
    offence: {
      code: 'arms-trafficking',
      text: 'Illicit trafficking of firearms and ammunition, Hani i Hotit border crossing',
    },
    operation: 'JAD-BALKAN-2026',
    requester: {
      agency: 'Albanian State Police',
      unit: 'Firearms Focal Point',
      officer: 'Insp. Arta Hoxha',
      email: 'ffp@asp.example.al',
      phone: '+355 4 000 0000',
    },
    items: [
      {
        kind: 'firearm',
        itemId: 'HH-01',
        exhibitRef: 'TR-1207/1',
        firearm: {
          serialNumber: 'C99-118204',
          make: 'Zastava',
          model: 'CZ99',
          type: 'pistol',
          calibre: '9x19 mm',
          countryOfManufacture: 'RS',
          yearOfManufacture: 2003,
        },
      },
      {
        kind: 'firearm',
        itemId: 'HH-02',
        exhibitRef: 'TR-1207/2',
        firearm: {
          serialNumber: 'M57-440918',
          make: 'Zastava',
          model: 'M57',
          type: 'pistol',
          calibre: '7.62x25 mm Tokarev',
          countryOfManufacture: 'RS',
          yearOfManufacture: 1989,
        },
      },
      {
        kind: 'firearm',
        itemId: 'HH-03',
        exhibitRef: 'TR-1207/3',
        firearm: {
          serialNumber: '70A-0093**',
          serialObliterated: true,
          serialRestoration: 'magnetic particle method restored 7 of 9 characters',
          make: 'Zastava',
          model: 'M70A',
          type: 'pistol',
          calibre: '9x19 mm',
          countryOfManufacture: 'RS',
        },
      },
      {
        kind: 'firearm',
        itemId: 'HH-04',
        exhibitRef: 'TR-1207/4',
        firearm: {
          serialNumber: 'M48-27731',
          make: 'Preduzeće 44',
          model: 'M48',
          type: 'rifle',
          calibre: '7.92x57 mm',
          countryOfManufacture: 'RS',
          yearOfManufacture: 1952,
          otherMarkings: [
            "crest of the Federal People's Republic of Yugoslavia on the receiver ring",
          ],
        },
      },
      {
        kind: 'ammunition',
        itemId: 'HH-05',
        exhibitRef: 'TR-1207/5',
        ammunition: {
          calibre: '7.62x39 mm',
          type: 'ball',
          quantity: 480,
          headstamp: { manufacturerCode: 'ППУ', year: '89' },
          lotNumber: '8903',
          packagingMarkings: ['ПРВИ ПАРТИЗАН УЖИЦЕ', 'M67 7,62x39 ППУ 8903'],
          countryOfManufacture: 'RS',
        },
      },
      {
        kind: 'ammunition',
        itemId: 'HH-06',
        exhibitRef: 'TR-1207/6',
        ammunition: {
          calibre: '9x19 mm',
          type: 'ball',
          quantity: 150,
          headstamp: { manufacturerCode: 'IK', year: '18', otherMarks: ['9x19'] },
          lotNumber: 'IK-18-0417',
        },
      },
    ],
    recovery: {
      date: '2026-11-19',
      place: {
        country: 'AL',
        municipality: 'Malësi e Madhe',
        locality: 'Hani i Hotit border crossing',
        coordinates: { lat: 42.35139, lon: 19.45306 },
      },
      agency: 'Albanian Border and Migration Police',
      circumstances:
        'Found in a hidden compartment under the rear seat of a car entering from Montenegro.',
    },
    possessor: {
      name: 'Gent M.',
      dateOfBirth: '1986-02-09',
      sex: 'M',
      nationality: ['AL'],
      address: { street: 'Rruga Kolë Idromeno 7', municipality: 'Shkodër', country: 'AL' },
    },
    priorChecks: [
      { check: 'national-register', result: 'no-hit' },
      { check: 'iarms', result: 'pending' },
    ],
    questions: ['origin', 'chain-of-custody', 'lost-stolen-status'],
  },
  /** RS's answers to the seizure: two items now (a third pending), the other four later. */
  seizureAnswers: [
    {
      requestRef: 'AL-FFP-2026-0430',
      status: 'partial',
      responder: {
        agency: 'Ministry of Interior of Serbia',
        unit: 'Firearms Focal Point',
        officer: 'Insp. Marko Petrović',
        email: 'ffp@mup.example.rs',
      },
      items: [
        {
          itemId: 'HH-01',
          status: 'completed',
          chainOfCustody: [
            { role: 'manufacturer', name: 'Zastava Oružje', country: 'RS', date: '2003-04-10' },
            {
              role: 'dealer',
              name: 'Fictitious Arms d.o.o.',
              licenceNumber: 'RS-TRG-2003-071',
              country: 'RS',
              date: '2003-09-01',
            },
            {
              role: 'first-retail-purchaser',
              name: 'Nikola J.',
              country: 'RS',
              date: '2004-02-17',
            },
          ],
          lastKnownLegalOwner: {
            kind: 'person',
            name: 'Nikola J.',
            dateOfBirth: '1961-07-30',
            nationality: 'RS',
            licenceNumber: 'KG-2004-1187',
            address: { street: 'Ulica Kralja Petra 15', municipality: 'Kragujevac', country: 'RS' },
          },
          registration: {
            status: 'registered',
            licenceNumber: 'KG-2004-1187',
            registeredOn: '2004-02-17',
          },
          lostStolen: {
            date: '2025-12-03',
            place: { country: 'RS', municipality: 'Kragujevac' },
            reportingAgency: 'Kragujevac Police Directorate',
          },
          diversion: 'theft',
          timeToCrimeDays: 8311,
        },
        {
          itemId: 'HH-04',
          status: 'completed',
          chainOfCustody: [
            { role: 'manufacturer', name: 'Preduzeće 44', country: 'RS', date: '1952-01-01' },
            { role: 'owner', name: "Yugoslav People's Army depot Niš", country: 'RS' },
          ],
          registration: { status: 'deregistered' },
          diversion: 'embezzlement',
          note: 'Listed as destroyed in 1999; the destruction record is being checked.',
        },
        {
          itemId: 'HH-05',
          status: 'pending',
          note: 'Lot records of Prvi Partizan requested; answer within 10 days.',
        },
      ],
    },
    {
      requestRef: 'AL-FFP-2026-0430',
      status: 'completed',
      responder: {
        agency: 'Ministry of Interior of Serbia',
        unit: 'Firearms Focal Point',
        officer: 'Insp. Marko Petrović',
        email: 'ffp@mup.example.rs',
      },
      items: [
        {
          itemId: 'HH-02',
          status: 'completed',
          registration: { status: 'never-registered' },
          chainOfCustody: [
            { role: 'manufacturer', name: 'Zastava Oružje', country: 'RS', date: '1989-01-01' },
            {
              role: 'exporter',
              name: 'Fictitious Export d.o.o.',
              licenceNumber: 'RS-EXP-1990-12',
              country: 'RS',
              date: '1990-05-11',
            },
          ],
        },
        {
          itemId: 'HH-03',
          status: 'unable',
          reasonCode: 'insufficient-identification',
          note: 'Two characters of the serial number are missing; 14 candidates.',
        },
        {
          itemId: 'HH-05',
          status: 'completed',
          ammunitionCorrected: {
            calibre: '7.62x39 mm',
            type: 'ball',
            quantity: 480,
            headstamp: { manufacturerCode: 'ППУ', year: '89' },
            lotNumber: '8903',
            manufacturer: 'Prvi Partizan',
            countryOfManufacture: 'RS',
            yearOfManufacture: 1989,
          },
          chainOfCustody: [
            { role: 'manufacturer', name: 'Prvi Partizan', country: 'RS', date: '1989-03-01' },
            {
              role: 'owner',
              name: 'Territorial Defence depot Kraljevo',
              country: 'RS',
              date: '1989-06-20',
            },
          ],
          diversion: 'theft',
        },
        {
          itemId: 'HH-06',
          status: 'unable',
          reasonCode: 'no-record',
          note: 'IK is the headstamp of Igman, Konjic (BA): ask BA.',
        },
      ],
    },
  ],
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

/** The story's border seizure from AL to RS (three pistols, a rifle, two ammunition lots). */
export function storySeizureRequest(): Schemas['SubmitRequest'] {
  return {
    ...storyTraceRequest(),
    body: STORY_BODIES.seizure,
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

  // 1. AL asks RS to trace a border seizure: three pistols, a rifle and two ammunition lots.
  const sent = await al.submit(storySeizureRequest());
  const reqResult = sent.results[0]!;
  say(
    'AL',
    `trace request ${reqResult.messageId} to RS, a seizure of ${itemsLine(STORY_BODIES.seizure.items)}: ${reqResult.status}; policy ${describeTransformations(reqResult.decision)}`,
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

  // 2. RS answers two items now and the rest later; AL's outbox counts the items answered.
  const answer = async (body: unknown) => {
    const reply = await rs.reply(reqResult.messageId, {
      handling: {
        code: 'H2',
        purpose: 'criminal-investigation',
        legalBasis: 'Police Cooperation Convention for Southeast Europe, Art. 5',
      },
      body,
    } as unknown as Schemas['ReplyRequest']);
    const r = reply.results[0]!;
    const items = (body as { items: Array<{ itemId: string; status: string }> }).items;
    say(
      'RS',
      `trace response ${r.messageId} to AL (${(body as { status: string }).status}): ${items.map((i) => `${i.itemId} ${i.status}`).join(', ')}`,
    );
    const detail = await rs.waitForStatus(r.messageId, ['delivered', 'rejected', 'failed']);
    say('RS', `AL receipted the trace response (${receiptLine(detail)})`);
    return { id: r.messageId, detail };
  };
  const first = await answer(STORY_BODIES.seizureAnswers[0]);
  const afterFirst = await waitForAnswers(al, reqResult.messageId, 1);
  say('AL', `outbox: trace request ${reqResult.messageId} ${answersLine(afterFirst)}`);
  const last = await answer(STORY_BODIES.seizureAnswers[1]);
  const requestAnswered = await waitForAnswers(al, reqResult.messageId, 2);
  say(
    'AL',
    `outbox: trace request ${reqResult.messageId} ${answersLine(requestAnswered)}, last by ${requestAnswered.summary.answeredBy}`,
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
    traceResponse: { id: last.id, detail: last.detail, request: requestAnswered },
    partialResponse: { id: first.id, detail: first.detail, request: afterFirst },
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

/** Waits until AL's outbox counts `responses` answers to request `id`, and returns its detail. */
async function waitForAnswers(
  client: LocalApiClient,
  id: string,
  responses: number,
  timeoutMs = 30_000,
): Promise<Schemas['MessageDetail']> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await client.outboxMessage(id);
    if (d.summary.status === 'answered' && (d.answers?.responses ?? 0) >= responses) return d;
    if (Date.now() > deadline)
      throw new Error(`request ${id} has ${d.answers?.responses ?? 0} answers, not ${responses}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function itemsLine(items: ReadonlyArray<{ kind: string }>): string {
  const n = (k: string) => items.filter((i) => i.kind === k).length;
  return `${items.length} items (${n('firearm')} firearms, ${n('ammunition')} ammunition lots)`;
}

function answersLine(d: Schemas['MessageDetail']): string {
  const a = d.answers;
  if (!a) return 'has no answer state';
  const pending = a.byItem.filter((i) => i.status === 'pending').map((i) => i.itemId);
  return `${a.answered} of ${a.items} items answered in ${a.responses} ${a.responses === 1 ? 'response' : 'responses'}${pending.length > 0 ? ` (${pending.join(', ')} pending)` : ''}`;
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

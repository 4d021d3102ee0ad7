// A realistic message for benchmarks: the demo's trace request, stamped and addressed.
import { v7 as uuidv7 } from 'uuid';
import { STORY_BODIES } from '../node/dev/demo-story.js';

/** A schema-valid trace request from `from` to `to`, created at `now`, valid for a day. */
export function sampleMessage(from: string, to: string, now = new Date()): Record<string, unknown> {
  return {
    v: 1,
    id: uuidv7({ msecs: now.getTime() }),
    type: 'trace-request',
    from,
    to,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
    handling: {
      code: 'H1',
      purpose: 'criminal-investigation',
      legalBasis: 'Police Cooperation Convention for Southeast Europe, Art. 5',
      evaluation: { source: 'B', information: '2' },
      containsPersonalData: true,
    },
    policy: { id: `${from}-sharing`, version: 1, decisionHash: 'A'.repeat(43) },
    body: structuredClone(STORY_BODIES.traceRequest) as unknown as Record<string, unknown>,
  };
}

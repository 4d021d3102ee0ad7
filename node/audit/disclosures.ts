// The disclosure report (LED Art. 25) of a period, from the audit journal: who sent what to whom, why, under which policy.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { components } from '../../generated/openapi.js';

/** One disclosure and the report (schemas/local-api.schema.json). */
export type Disclosure = components['schemas']['Disclosure'];
export type DisclosureReport = components['schemas']['DisclosureReport'];

/** What a submission without a stated legal basis shows in the report (a finding, not a blank). */
export const LEGAL_BASIS_NOT_STATED = 'not stated';

/** The report's columns, in CSV order. */
export const DISCLOSURE_COLUMNS = [
  'at',
  'messageId',
  'officer',
  'purpose',
  'legalBasis',
  'recipient',
  'messageType',
  'policyId',
  'policyVersion',
  'status',
  'deliveredAt',
] as const satisfies ReadonlyArray<keyof Disclosure>;

type Entry = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The disclosures submitted in [from, to] (by the `submitted` entry's time), oldest first,
 * optionally to one recipient: each joined with its outbound `decision` (policy id and version)
 * and its outcome (`delivered`, `rejected`, `dead-letter`; otherwise still `queued`). A denied
 * message disclosed nothing and is not listed. Reads the journal file in one pass.
 *
 * @example const r = await disclosureReport(file, { from, to, recipient: 'RS' });
 */
export async function disclosureReport(
  file: string,
  q: { from: Date; to: Date; recipient?: string },
): Promise<DisclosureReport> {
  const policies = new Map<string, { id: string; version: number }>();
  const rows = new Map<string, Disclosure>();
  let input: ReturnType<typeof createReadStream>;
  try {
    input = createReadStream(file, { encoding: 'utf8' });
    await new Promise((resolve, reject) => input.once('open', resolve).once('error', reject));
  } catch {
    return report(q, []);
  }
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    let e: Entry;
    try {
      e = JSON.parse(text) as Entry;
    } catch {
      continue;
    }
    const id = typeof e.messageId === 'string' ? e.messageId : undefined;
    if (!id) continue;
    if (e.type === 'decision' && e.direction === 'outbound') {
      const p = e.policy as { id: string; version: number };
      policies.set(id, { id: p.id, version: p.version });
    } else if (e.type === 'submitted') {
      const at = new Date(String(e.at));
      if (at < q.from || at > q.to) continue;
      if (q.recipient && e.to !== q.recipient) continue;
      const policy = policies.get(id);
      policies.delete(id);
      rows.set(id, {
        at: String(e.at),
        messageId: id,
        officer: String((e.actor as { sub?: string } | undefined)?.sub ?? ''),
        purpose: str(e.purpose),
        legalBasis:
          typeof e.legalBasis === 'string' && e.legalBasis ? e.legalBasis : LEGAL_BASIS_NOT_STATED,
        recipient: str(e.to),
        messageType: str(e.messageType),
        policyId: policy?.id ?? '',
        policyVersion: policy?.version ?? 0,
        status: 'queued',
      });
    } else {
      const row = rows.get(id);
      if (!row) continue;
      if (e.type === 'delivered') {
        row.status = 'delivered';
        row.deliveredAt = String(e.at);
      } else if (e.type === 'rejected') row.status = 'rejected';
      else if (e.type === 'dead-letter') row.status = 'dead-letter';
    }
  }
  return report(q, [...rows.values()]);
}

function report(q: { from: Date; to: Date; recipient?: string }, items: Disclosure[]) {
  return {
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    ...(q.recipient ? { recipient: q.recipient } : {}),
    items,
  };
}

/** The report as CSV (RFC 4180: header line, CRLF, fields quoted when needed). */
export function disclosuresCsv(items: Disclosure[]): string {
  const cell = (v: unknown) => {
    const s = typeof v === 'number' ? String(v) : str(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [
    DISCLOSURE_COLUMNS.join(','),
    ...items.map((d) => DISCLOSURE_COLUMNS.map((c) => cell(d[c])).join(',')),
  ]
    .map((l) => `${l}\r\n`)
    .join('');
}

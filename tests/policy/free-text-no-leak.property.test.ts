// Property: structured personal values copied into free text, in any supported format, never reach a destination that does not get them.
import { expect } from 'chai';
import fc from 'fast-check';
import { compilePolicy, decide, type PolicyDocument } from '../../node/policy/index.js';
import { MONTH_NAMES } from '../../node/policy/free-text/month-names.js';
import { ctx, member, traceRequest } from './fixtures.js';

const GIVEN = [
  'Dritan',
  'Đorđe',
  'Ștefan',
  'Arbër',
  'Mirjana',
  'Željko',
  'Fatmir',
  'Ljubiša',
  'Ioana',
];
const FAMILY = ['Krasniqi', 'Šćekić', 'Țurcanu', 'Hoxhaj', 'Petrović', 'Džeko', 'Gashi', 'Đukić'];
const STREETS = [
  'Rruga e Kavajës',
  'Bulevar oslobođenja',
  'Strada Ștefan cel Mare',
  'Ulica Maršala Tita',
];

const plain = (s: string) =>
  s.replace(/đ/g, 'dj').replace(/Đ/g, 'Dj').normalize('NFD').replace(/\p{M}/gu, '');

/** Ways people write a name: as is, in capitals, without diacritics, family name first. */
const nameForms = (given: string, family: string) => [
  `${given} ${family}`,
  `${given} ${family}`.toUpperCase(),
  plain(`${given} ${family}`),
  `${family} ${given}`,
  `${family.toUpperCase()} ${given}`,
  `${family}, ${given}`,
];

/** Ways people write a date, in every language's month names. */
function dateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  const forms = [
    iso,
    `${dd}.${mm}.${y}`,
    `${d}.${m}.${y}`,
    `${dd}/${mm}/${y}`,
    `${d}. ${m}. ${y}.`,
  ];
  for (const months of Object.values(MONTH_NAMES))
    for (const name of months[m - 1]!) forms.push(`${d} ${name} ${y}`, `${d}. ${name} ${y}.`);
  const en = MONTH_NAMES.en![m - 1]![0]!;
  forms.push(`${en[0]!.toUpperCase()}${en.slice(1)} ${d}, ${y}`);
  return forms;
}

const person = fc.record({
  given: fc.constantFrom(...GIVEN),
  family: fc.constantFrom(...FAMILY),
  dateOfBirth: fc
    .date({ min: new Date('1940-01-01'), max: new Date('2008-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  document: fc.tuple(
    fc.stringMatching(/^[A-Z]{2}$/),
    fc.integer({ min: 1_000_000, max: 9_999_999 }),
  ),
  street: fc.tuple(fc.constantFrom(...STREETS), fc.integer({ min: 1, max: 250 })),
});

const FIELDS = [
  'specialInstructions',
  'urgencyJustification',
  'offence/text',
  'recovery/circumstances',
];

/** What the policy does to each structured field, and to free text. */
const treatment = fc.record({
  name: fc.constantFrom('keep', 'redact'),
  dateOfBirth: fc.constantFrom('keep', 'redact', 'generalise'),
  address: fc.constantFrom('keep', 'redact', 'generalise', 'redact-street'),
  document: fc.constantFrom('keep', 'redact'),
  action: fc.constantFrom('redact' as const, 'generalise' as const),
  asDefault: fc.boolean(),
});

describe('property: personal data copied into free text never leaks', () => {
  it('a destination for which a field is redacted or generalised never receives its value, in any format, anywhere', () => {
    fc.assert(
      fc.property(
        person,
        treatment,
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        fc.array(fc.constantFrom(...FIELDS), { minLength: 4, maxLength: 4 }),
        (p, t, picks, fields) => {
          const name = nameForms(p.given, p.family);
          const dob = dateForms(p.dateOfBirth);
          const doc = `${p.document[0]}${p.document[1]}`;
          const docs = [doc, `${p.document[0]} ${p.document[1]}`];
          const street = `${p.street[0]} ${p.street[1]}`;
          const streets = [street, plain(street)];
          const pick = (forms: string[], i: number) => forms[picks[i]! % forms.length]!;
          const inserted = {
            name: pick(name, 0),
            dateOfBirth: pick(dob, 1),
            address: pick(streets, 2),
            document: pick(docs, 3),
          };
          const texts: Record<string, string[]> = {};
          const add = (field: string, s: string) => (texts[field] ??= []).push(s);
          add(fields[0]!, `Possessor ${inserted.name} was seen.`);
          add(fields[1]!, `The possessor, born ${inserted.dateOfBirth}, was seen.`);
          add(fields[2]!, `He lives at ${inserted.address}, Tirana.`);
          add(fields[3]!, `His passport is ${inserted.document}.`);
          const body: Record<string, unknown> = structuredClone(traceRequest) as never;
          body.possessor = {
            name: `${p.given} ${p.family}`,
            dateOfBirth: p.dateOfBirth,
            identityDocument: doc,
            address: { street, municipality: 'Tirana', country: 'AL' },
          };
          body.offence = { code: 'homicide-attempt' };
          body.recovery = { ...(body.recovery as object), agency: 'Police' };
          for (const [field, parts] of Object.entries(texts)) {
            const [a, b] = field.split('/') as [string, string | undefined];
            if (b) (body[a] as Record<string, unknown>)[b] = parts.join(' ');
            else body[a] = parts.join(' ');
          }
          const redact: string[] = [];
          const generalise: Array<{ pointer: string; to: 'year' | 'municipality' }> = [];
          if (t.name === 'redact') redact.push('/possessor/name');
          if (t.dateOfBirth === 'redact') redact.push('/possessor/dateOfBirth');
          if (t.dateOfBirth === 'generalise')
            generalise.push({ pointer: '/possessor/dateOfBirth', to: 'year' });
          if (t.address === 'redact') redact.push('/possessor/address');
          if (t.address === 'redact-street') redact.push('/possessor/address/street');
          if (t.address === 'generalise')
            generalise.push({ pointer: '/possessor/address', to: 'municipality' });
          if (t.document === 'redact') redact.push('/possessor/identityDocument');
          const policy: PolicyDocument = {
            id: 'AL-prop',
            member: 'AL',
            outbound: [
              {
                id: 'r',
                effect: 'allow',
                ...(redact.length > 0 ? { redact } : {}),
                ...(generalise.length > 0 ? { generalise } : {}),
                ...(t.asDefault ? {} : { freeText: { action: t.action } }),
              },
            ],
            inbound: [{ id: 'in', effect: 'allow' }],
            ...(t.asDefault ? { freeText: { action: t.action } } : {}),
          };
          const input = structuredClone(body);
          const d = decide(
            compilePolicy(policy, ctx, 1),
            {
              type: 'trace-request',
              from: 'AL',
              to: 'RS',
              handling: { code: 'H1', purpose: 'criminal-investigation' },
              body: input,
            },
            member('RS'),
            ctx,
          );
          expect(input).to.deep.equal(body, 'input untouched');
          expect(d.effect).to.equal('allow');
          const out = JSON.stringify(d.body);
          const withheld = {
            name: t.name !== 'keep',
            dateOfBirth: t.dateOfBirth !== 'keep',
            address: t.address !== 'keep',
            document: t.document !== 'keep',
          };
          const leaks = (Object.keys(withheld) as Array<keyof typeof withheld>)
            .filter((k) => withheld[k] && out.includes(JSON.stringify(inserted[k]).slice(1, -1)))
            .map((k) => `${k}: ${inserted[k]}`);
          expect(leaks, `leaked ${leaks.join(', ')} in ${out}`).to.deep.equal([]);
          // What the destination may have is left as it was.
          if (!withheld.name) expect(out).to.contain(JSON.stringify(inserted.name).slice(1, -1));
        },
      ),
      { numRuns: 400 },
    );
  });
});

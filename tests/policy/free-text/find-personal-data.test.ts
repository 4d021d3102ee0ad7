// findPersonalData: the body's own values in any form, and the patterns, in every free-text field.
import { expect } from 'chai';
import { findPersonalData } from '../../../node/policy/index.js';
import type { FreeTextSpan } from '../../../node/policy/index.js';

const possessor = {
  name: 'Dritan Krasniqi',
  aliases: ['Driti'],
  dateOfBirth: '1991-03-14',
  identityDocument: 'AB1234567',
  address: {
    street: 'Rruga e Kavajës 112',
    municipality: 'Tirana',
    country: 'AL',
    postalCode: '1001',
  },
  placeOfBirth: { country: 'AL', municipality: 'Durrës' },
};

/** A trace request whose special instructions are `text`. */
const request = (text: string, p: Record<string, unknown> = possessor) => ({
  requestRef: 'AL-1',
  priority: 'routine',
  caseRef: 'C-1',
  offence: { code: 'illegal-possession' },
  requester: { agency: 'ASP' },
  firearm: { serialNumber: '76-1043318', make: 'Zastava', type: 'pistol', calibre: '7.65 mm' },
  recovery: { date: '2026-11-18', place: { country: 'AL' }, agency: 'Police' },
  possessor: p,
  specialInstructions: text,
});

/** What was found, as "kind matches-or-source: the text of the span". */
function found(text: string, body: unknown = request(text), type = 'trace-request'): string[] {
  const source = (b: unknown, f: FreeTextSpan) => {
    let v: unknown = b;
    for (const s of f.pointer.split('/').slice(1)) v = (v as Record<string, unknown>)[s];
    return (v as string).slice(f.span.start, f.span.end);
  };
  return findPersonalData(type, body).map(
    (f) => `${f.kind} ${f.matches ?? f.source}: ${source(body, f)}`,
  );
}

describe('findPersonalData', () => {
  describe('names of the body', () => {
    it('finds the name as written, in another case, without diacritics and in another order', () => {
      const p = { ...possessor, name: 'Đorđe Šćekić' };
      const text = 'Đorđe Šćekić, also DJORDJE SCEKIC, Scekic Djordje and Šćekić, Đorđe.';
      const f = found(text, request(text, p)).filter((x) => x.startsWith('name /possessor/name:'));
      expect(f).to.include.members([
        'name /possessor/name: Đorđe Šćekić',
        'name /possessor/name: DJORDJE SCEKIC',
        'name /possessor/name: Scekic Djordje',
        'name /possessor/name: Šćekić, Đorđe',
      ]);
    });

    it('finds a Latin name written in Cyrillic, a part of the name alone and an alias', () => {
      const p = { ...possessor, name: 'Marko Petrović', aliases: ['Kobra'] };
      const text = 'Марко Петровић, called KOBRA; Petrović fled.';
      expect(found(text, request(text, p))).to.include.members([
        'name /possessor/name: Марко Петровић',
        'name /possessor/aliases/0: KOBRA',
        'name /possessor/name: Petrović',
      ]);
    });

    it('does not take a word inside another word, nor a name split by other words', () => {
      const text = 'Dritanland; Dritan met Krasniqi';
      const f = found(text);
      expect(f).not.to.include('name /possessor/name: Dritan met Krasniqi');
      expect(f.filter((x) => x.includes('Dritanland'))).to.deep.equal([]);
    });
  });

  describe('other values of the body', () => {
    it('finds the date of birth, address parts, place of birth and document number', () => {
      expect(
        found(
          'born 14 March 1991 at Durres; lives at Rruga e Kavajes 112, 1001 Tirana (Rruga e Kavajës); ID AB 123 4567',
        ),
      ).to.include.members([
        'date-of-birth /possessor/dateOfBirth: 14 March 1991',
        'place-of-birth /possessor/placeOfBirth/municipality: Durres',
        'address /possessor/address/street: Rruga e Kavajes 112',
        'address /possessor/address/postalCode: 1001',
        'address /possessor/address/municipality: Tirana',
        'address /possessor/address/street: Rruga e Kavajës',
        'document /possessor/identityDocument: AB 123 4567',
      ]);
    });

    it('finds the persons of a trace response, in items too, and skips an entity', () => {
      const body = {
        requestRef: 'AL-1',
        status: 'completed',
        responder: { agency: 'MUP' },
        lastKnownLegalOwner: { kind: 'entity', name: 'Oružar DOO' },
        items: [
          {
            itemId: 'E-1',
            status: 'completed',
            lastKnownLegalOwner: {
              kind: 'person',
              name: 'Milan Jovanović',
              dateOfBirth: '1968-02-11',
            },
          },
        ],
        restrictions: 'Oružar DOO sold it to Jovanović Milan (11.02.1968).',
      };
      expect(found('', body, 'trace-response')).to.deep.equal([
        'name /items/0/lastKnownLegalOwner/name: Jovanović Milan',
        'name /items/0/lastKnownLegalOwner/name: Jovanović',
        'name /items/0/lastKnownLegalOwner/name: Milan',
        'date-of-birth /items/0/lastKnownLegalOwner/dateOfBirth: 11.02.1968',
      ]);
    });

    it('looks in every free-text field the schemas mark, and in no other field', () => {
      const body = {
        ...request('nothing here'),
        offence: { code: 'x', text: 'Krasniqi shot at police' },
        recovery: {
          date: '2026-11-18',
          place: { country: 'AL', street: 'Dritan Krasniqi' },
          agency: 'Police',
          circumstances: 'seized from Krasniqi',
        },
      };
      const f = findPersonalData('trace-request', body).map((x) => x.pointer);
      expect([...new Set(f)].sort()).to.deep.equal(['/offence/text', '/recovery/circumstances']);
    });
  });

  describe('patterns', () => {
    const kinds = (text: string) =>
      found(text, request(text, { name: 'X Y' })).filter((x) => x.includes(' pattern: '));
    const born: Array<[string, string]> = [
      ['en', 'The suspect, born 02.05.1985, was'],
      ['en, DOB', 'DOB: 1985-05-02'],
      ['sq', 'i lindur më 2 maj 1985 në Shkodër'],
      ['sq, datëlindja', 'datëlindja 02.05.1985'],
      ['sr-Latn', 'rođen 2. maja 1985. u Nišu'],
      ['sr-Latn without diacritics', 'rodjen 2. maja 1985.'],
      ['sr-Cyrl', 'рођен 2. маја 1985. у Нишу'],
      ['bs', 'rođena 2. maja 1985.'],
      ['hr', 'rođen 2. svibnja 1985.'],
      ['mk', 'роден на 2 мај 1985'],
      ['ro (Moldova)', 'născut la 2 mai 1985 în Chișinău'],
    ];
    for (const [lang, text] of born)
      it(`finds a date of birth after a born word (${lang})`, () =>
        expect(kinds(text))
          .to.have.length.above(0)
          .and.to.satisfy((l: string[]) =>
            l.every((x) => x.startsWith('date-of-birth pattern: ')),
          ));

    it('finds a year of birth after a born word, and no date of birth without one', () => {
      expect(kinds('lindur në 1985, arrested 02.05.2025')).to.deep.equal([
        'date-of-birth pattern: 1985',
      ]);
    });

    const patterns: Array<[string, string, string]> = [
      ['document', 'passport no. BC7654321 issued', 'BC7654321'],
      ['document', 'лична карта бр. 012345678', '012345678'],
      ['document', 'JMBG 0101990710006', '0101990710006'],
      ['document', 'letërnjoftimi J12345678A', 'J12345678A'],
      ['phone', 'call +381 64 123 4567 now', '+381 64 123 4567'],
      ['phone', 'tel. 069/123-4567', '069/123-4567'],
      ['email', 'write to dritan.k@example.al.', 'dritan.k@example.al'],
      [
        'iban',
        'paid from AL47 2121 1009 0000 0002 3569 8741',
        'AL47 2121 1009 0000 0002 3569 8741',
      ],
      ['iban', 'to RS35260005601001611379', 'RS35260005601001611379'],
      ['plate', 'car AA 123 BB (Albania)', 'AA 123 BB'],
      ['plate', 'car A12-E-345 (Bosnia and Herzegovina)', 'A12-E-345'],
      ['plate', 'car PG AB 123 (Montenegro)', 'PG AB 123'],
      ['plate', 'car SK 1234 AB (North Macedonia)', 'SK 1234 AB'],
      ['plate', 'car BG 123-ŠĐ (Serbia)', 'BG 123-ŠĐ'],
      ['plate', 'car 01-123-AB (Kosovo)', '01-123-AB'],
      ['plate', 'car KBC 123 (Moldova)', 'KBC 123'],
      ['plate', 'car CJ 12 ABC (Romania)', 'CJ 12 ABC'],
      ['plate', 'car M-AB 1234 (Germany)', 'M-AB 1234'],
    ];
    for (const [kind, text, hit] of patterns)
      it(`finds a ${kind}: ${text}`, () =>
        expect(kinds(text)).to.include(`${kind} pattern: ${hit}`));

    it('takes no IBAN whose check digits are wrong, and no phone or document in a date', () => {
      expect(
        kinds('AL48 2121 1009 0000 0002 3569 8741').filter((k) => k.startsWith('iban')),
      ).to.deep.equal([]);
      expect(kinds('on 01.03.2025 at 10:00')).to.deep.equal([]);
    });

    it('uses the extra patterns it is given', () => {
      const body = request('vessel reg. MD-SHIP-0042');
      const f = findPersonalData('trace-request', body, {
        patterns: [{ kind: 'plate', regex: /MD-SHIP-\d{4}/gu }],
      });
      expect(f.map((x) => `${x.kind} ${x.span.start}-${x.span.end}`)).to.include('plate 12-24');
    });
  });

  it('is deterministic and leaves the body untouched', () => {
    const body = request('Dritan Krasniqi, born 14.03.1991, +381 64 123 4567');
    const copy = structuredClone(body);
    expect(findPersonalData('trace-request', body)).to.deep.equal(
      findPersonalData('trace-request', copy),
    );
    expect(body).to.deep.equal(copy);
  });
});

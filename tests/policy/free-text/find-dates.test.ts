// findDates: every format and month-name language of the region, day-first and month-first readings.
import { expect } from 'chai';
import { findDates } from '../../../node/policy/free-text/find-dates.js';
import { fold } from '../../../node/policy/free-text/fold-text.js';

const readings = (text: string) => findDates(fold(text)).map((d) => d.readings);

describe('findDates', () => {
  const cases: Array<[string, string]> = [
    ['ISO', 'seen on 1991-03-14 at noon'],
    ['dots', 'born 14.03.1991'],
    ['dots and spaces, closing dot (sr/hr)', 'rođen 14. 03. 1991. u Nišu'],
    ['slashes', 'dob 14/03/1991'],
    ['hyphens', 'dob 14-03-1991'],
    ['English month', 'born 14 March 1991'],
    ['English month first', 'born March 14, 1991'],
    ['English ordinal', 'born on the 14th of March 1991'],
    ['English short month', 'b. 14-Mar-1991'],
    ['Albanian', 'i lindur më 14 mars 1991'],
    ['Albanian definite form', 'lindur më 14 marsit 1991'],
    ['Serbian Latin genitive', 'rođen 14. marta 1991. godine'],
    ['Serbian Cyrillic genitive', 'рођен 14. марта 1991. године'],
    ['Bosnian', 'rođen 14. marta 1991.'],
    ['Croatian genitive', 'rođen 14. ožujka 1991.'],
    ['Croatian without diacritics', 'roden 14. ozujka 1991.'],
    ['Macedonian', 'роден на 14 март 1991'],
    ['Romanian', 'născut la 14 martie 1991'],
    ['Russian (Moldova)', 'родился 14 марта 1991'],
    ['Roman numeral month', 'rođen 14. III 1991.'],
  ];
  for (const [what, text] of cases)
    it(`reads ${what}: ${text}`, () => expect(readings(text)).to.deep.include(['1991-03-14']));

  it('reads one-digit days and months', () => {
    expect(readings('born 4.3.1991')).to.deep.equal([['1991-03-04', '1991-04-03']]);
  });

  it('reads a numeric date both ways when both are valid, one way when not', () => {
    expect(readings('03/04/1991')).to.deep.equal([['1991-04-03', '1991-03-04']]);
    expect(readings('25/12/1991')).to.deep.equal([['1991-12-25']]);
    expect(readings('12/25/1991')).to.deep.equal([['1991-12-25']]);
  });

  it('finds no date in numbers that are not dates (calibres, serials, impossible days)', () => {
    expect(
      readings('7.65 mm Browning, serial 76-1043318, 31.02.1991, 14 pistols 1991'),
    ).to.deep.equal([]);
  });

  it('reports spans in the folded text with the year', () => {
    const f = fold('Born 14 March 1991.');
    const [d] = findDates(f);
    expect(f.slice(d!.start, d!.end)).to.equal('14 march 1991');
    expect(d!.year).to.equal('1991');
  });
});

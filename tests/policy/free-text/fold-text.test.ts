// foldText: case, diacritics and Cyrillic folded, every folded character mapped back to the original.
import { expect } from 'chai';
import { fold, foldText } from '../../../node/policy/free-text/fold-text.js';

describe('foldText', () => {
  it('folds case and diacritics of the region', () => {
    expect(fold('Rruga e Kavajës, Çlirimi')).to.equal('rruga e kavajes, clirimi');
    expect(fold('ĐORĐEVIĆ Šćepan Žarko')).to.equal('dordevic scepan zarko');
    expect(fold('Ștefan Țurcanu, Ăâî')).to.equal('stefan turcanu, aai');
  });

  it('folds đ, dj and Serbian Cyrillic ђ alike, and Macedonian Cyrillic into Latin letters', () => {
    expect(fold('Đorđević')).to.equal(fold('Djordjevic'));
    expect(fold('Ђорђевић')).to.equal(fold('Djordjević'));
    expect(fold('Љубиша Њего Џаковић')).to.equal('ljubisa njego dzakovic');
    expect(fold('Ѓорѓи Ќосе Ѕвонко')).to.equal('gorgi kose dzvonko');
  });

  it('maps every folded character to the character it came from', () => {
    const s = 'Љ Djordje 😀 ë';
    const f = foldText(s);
    expect(f.origin).to.have.length(f.text.length + 1);
    expect(f.origin[f.text.length]).to.equal(s.length);
    // ljubica: Љ folds to two letters, both from offset 0.
    expect(f.text.slice(0, 2)).to.equal('lj');
    expect(f.origin.slice(0, 2)).to.deep.equal([0, 0]);
    // "Dj" folds to "d": the j has no folded character.
    expect(f.text.slice(3, 8)).to.equal('dorde');
    expect(s[f.origin[f.text.indexOf('😀')]!]).to.equal(s[s.indexOf('😀')]);
  });
});

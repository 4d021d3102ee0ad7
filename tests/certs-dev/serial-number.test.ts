// Tests of randomSerial and normaliseSerial: one canonical spelling of certificate serials.
import { expect } from 'chai';
import fc from 'fast-check';
import { normaliseSerial, randomSerial } from '../../certs-dev/index.js';

describe('randomSerial', () => {
  it('is 32 lowercase hex digits with a positive first byte and no leading zero', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const s = randomSerial(() => Buffer.from(bytes));
        return /^[1-7][0-9a-f]{31}$/.test(s) && normaliseSerial(s) === s;
      }),
    );
  });

  it('keeps the random bytes after the first', () => {
    const bytes = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    expect(randomSerial(() => bytes)).to.equal('10112233445566778899aabbccddeeff');
  });
});

describe('normaliseSerial', () => {
  it('lowercases and strips leading zeros, a 0x prefix and colons', () => {
    expect(normaliseSerial('00AB:CD:01')).to.equal('abcd01');
    expect(normaliseSerial('0x0F')).to.equal('f');
    expect(normaliseSerial(' 4AF6F495E9A20FF8 ')).to.equal('4af6f495e9a20ff8');
    expect(normaliseSerial('000')).to.equal('0');
  });

  it('refuses what is not hexadecimal', () => {
    expect(() => normaliseSerial('12G4')).to.throw(
      RangeError,
      'not a hexadecimal serial number: 12G4',
    );
    expect(() => normaliseSerial('')).to.throw(RangeError);
  });
});

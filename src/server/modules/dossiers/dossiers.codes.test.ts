import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySignature } from '../../lib/raw-body.js';
import { formatCode, validCodePattern } from './dossiers.codes.js';

describe('dossier codes', () => {
  it('fills the default pattern {unit}-{yymmdd}-{seq4} and longer variants', () => {
    expect(formatCode('{unit}-{yymmdd}-{seq4}', '11824', '2026-11-24', 7)).toBe('11824-261124-0007');
    expect(formatCode('G09.20-{unit}-{yyyymmdd}-{seq5}', '11824', '2026-01-05', 12345)).toBe(
      'G09.20-11824-20260105-12345',
    );
  });

  it('accepts only patterns that keep codes unique per unit and day', () => {
    expect(validCodePattern('{unit}-{yymmdd}-{seq4}')).toBe(true);
    expect(validCodePattern('{unit}-{seq4}')).toBe(false);
    expect(validCodePattern('{yymmdd}-{seq4}')).toBe(false);
    expect(validCodePattern('{unit}-{yymmdd}-{seq4}<script>')).toBe(false);
  });
});

describe('payment callback signatures', () => {
  const secret = 'a-shared-gateway-secret';
  const body = Buffer.from('{"transactionId":"FT1","amount":5000,"reference":"11824-261124-0001"}');
  const sign = (b: Buffer, s = secret) => createHmac('sha256', s).update(b).digest('hex');

  it('accepts the gateway’s HMAC-SHA256 of the raw body, in either letter case', () => {
    expect(verifySignature(secret, body, sign(body))).toBe(true);
    expect(verifySignature(secret, body, sign(body).toUpperCase())).toBe(true);
  });

  it('refuses a changed body, another secret, a malformed or missing signature, or no configured secret', () => {
    expect(verifySignature(secret, Buffer.from(body.toString().replace('5000', '50')), sign(body))).toBe(false);
    expect(verifySignature(secret, body, sign(body, 'another-secret-entirely'))).toBe(false);
    expect(verifySignature(secret, body, 'abc')).toBe(false);
    expect(verifySignature(secret, body, undefined)).toBe(false);
    expect(verifySignature(undefined, body, sign(body))).toBe(false);
  });
});

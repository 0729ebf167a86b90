import { multipartBody } from '../../../../test/multipart.js';
import { describe, expect, it } from 'vitest';
import { tinyPng } from '../../../../test/factories.js';
import { useWorld } from '../../../../test/world.js';

const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '3' });

describe('public forms are rate limited per address', () => {
  it('answers 429 problem+json once an address has used its uploads for the minute', async () => {
    const upload = () =>
      env.t.app.inject({
        method: 'POST',
        url: '/api/public/uploads',
        remoteAddress: '203.0.113.7',
        ...multipartBody({}, { name: 'a.png', content: tinyPng }),
      });
    for (let i = 0; i < 3; i++) expect((await upload()).statusCode).toBe(201);
    const limited = await upload();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json().code).toBe('RATE_LIMITED');
    // Another address is not affected.
    const other = await env.t.app.inject({
      method: 'GET',
      url: '/api/public/procedures/1.001193',
      remoteAddress: '203.0.113.8',
    });
    expect(other.statusCode).toBe(200);
  });
});

describe('confirmation codes are rate limited per address', () => {
  it('answers 429 once an address has asked for its codes of the hour, across dossiers and phones', async () => {
    const ask = async (n: number, ip: string) => {
      const made = await env.w.f.dossier(env.w.communeA, { phone: `+8491255500${n}` });
      return env.t.app.inject({
        method: 'POST',
        url: `/api/public/dossiers/${made.token}/proof-code`,
        remoteAddress: ip,
      });
    };
    // PUBLIC_SUBMIT_PER_MINUTE is 3 here: 3 codes an hour per address.
    for (let i = 0; i < 3; i++) expect((await ask(i, '203.0.113.50')).statusCode).toBe(202);
    const limited = await ask(3, '203.0.113.50');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect((await ask(4, '203.0.113.51')).statusCode).toBe(202);
  });
});

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

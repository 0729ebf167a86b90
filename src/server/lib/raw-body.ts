import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * A JSON parser that keeps the raw bytes, for callbacks signed over the body as sent (payment gateways, Zalo): register
 * it inside the callback's own encapsulated scope so every other route keeps Fastify's parser.
 */
export function keepRawJson(scope: FastifyInstance): void {
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    (request as FastifyRequest & { rawBody?: Buffer }).rawBody = body as Buffer;
    try {
      done(null, JSON.parse((body as Buffer).toString('utf8')));
    } catch (error) {
      (error as { statusCode?: number }).statusCode = 400;
      done(error as Error, undefined);
    }
  });
}

export const rawBodyOf = (request: FastifyRequest): Buffer =>
  (request as FastifyRequest & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);

/** Checks a gateway's signature (hex HMAC-SHA256 of the raw body) in constant time. */
export function verifySignature(secret: string | undefined, rawBody: Buffer, signature: string | undefined): boolean {
  if (!secret || !signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { validation } from '../lib/errors.js';

/** NUL, or half of a surrogate pair (not valid Unicode; PostgreSQL cannot store either). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
export const INVALID_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Finds the first string holding a character that cannot be stored, returning its path ("body.address"). */
function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return INVALID_TEXT.test(value) ? path : undefined;
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = findNul(child, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold U+0000 or lone surrogates, and no legitimate form sends them: refuse it at the boundary
 * for every route,
 * with the same 400 shape as schema validation, instead of letting the database fail later.
 */
export default fp(async function inputHygiene(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const field =
      findNul(request.body, 'body') ?? findNul(request.query, 'querystring') ?? findNul(request.params, 'params');
    if (field) {
      throw validation([
        {
          field,
          code: 'INVALID_CHARACTER',
          message: {
            vi: `${field}: chứa ký tự không hợp lệ`,
            en: `${field}: contains a character that is not valid text`,
          },
        },
      ]);
    }
  });
});

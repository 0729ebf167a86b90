import { createHash } from 'node:crypto';

/** SHA-256 as base64url: how session and manage tokens and one-time codes are kept (only the hash is stored). */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

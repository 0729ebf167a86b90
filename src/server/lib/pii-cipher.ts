import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { createDecryptPool, type DecryptPool } from './pii-pool.js';

/** Below this many values a batch is decrypted in place: a round trip to a worker would cost more. */
const POOL_FROM = 512;

/**
 * Encryption at rest for ID and phone numbers: AES-256-GCM with a random 96-bit IV per value, stored as
 * base64(iv ‖ tag ‖ ciphertext). Exact lookup goes through a blind index: HMAC-SHA256 under a second key,
 * truncated to 128 bits, so the database never sees the value and the index cannot be reversed without the key.
 */
export type PiiCipher = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Many values at once (a page of an export): on worker threads when there are enough to be worth it. */
  decryptMany(stored: (string | null)[]): Promise<(string | null)[]>;
  blindIndex(plain: string, purpose: 'pid' | 'phone' | 'zalo' | 'push' | 'link'): string;
};

export function createPiiCipher(keys: { data: Buffer; index: Buffer }): PiiCipher {
  // IVs come from a pool of random bytes refilled 4,096 at a time: one getrandom call per value cost more than the
  // encryption itself in bulk imports. Every IV is still fresh random bytes, used once.
  let pool = Buffer.alloc(0);
  let offset = 0;
  const nextIv = () => {
    if (offset + 12 > pool.length) {
      pool = randomBytes(12 * 4096);
      offset = 0;
    }
    offset += 12;
    return pool.subarray(offset - 12, offset);
  };
  let workers: DecryptPool | undefined;
  const decrypt = (stored: string) => {
    const raw = Buffer.from(stored, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', keys.data, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  };
  return {
    encrypt(plain) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', keys.data, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt,
    async decryptMany(stored) {
      const present = stored.filter((v): v is string => v !== null);
      if (present.length < POOL_FROM) return stored.map((v) => (v === null ? null : decrypt(v)));
      workers ??= createDecryptPool(keys);
      const plain = await workers.decrypt(present);
      let i = 0;
      return stored.map((v) => (v === null ? null : plain[i++]!));
    },
    // The purpose prefix keeps an ID number and a phone with the same digits from sharing an index value.
    blindIndex(plain, purpose) {
      return createHmac('sha256', keys.index).update(`${purpose}:${plain}`).digest('base64url').slice(0, 22);
    },
  };
}
